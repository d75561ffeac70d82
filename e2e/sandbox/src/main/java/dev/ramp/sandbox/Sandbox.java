package dev.ramp.sandbox;

import io.kubernetes.client.openapi.ApiClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An in-process Kubernetes API server that answers like a real one (shared/REAL-APISERVER.md), with a
 * kubelet stand-in that turns ReplicaSets into pods that become Ready.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *   ApiClient client = sandbox.apiClient();
 *   sandbox.apply(Path.of("crds/rollout.yaml"));
 *   ...
 * }
 * }</pre>
 *
 * <p>STUB: the signatures are agreed; the implementation lands with the sandbox work.
 */
public final class Sandbox implements AutoCloseable {

  /** Starts a sandbox with default options on a free loopback port, namespace {@code default} present. */
  public static Sandbox start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server's base URL, {@code http://127.0.0.1:PORT}. */
  public URI url() {
    throw new UnsupportedOperationException("stub");
  }

  /** A client for this sandbox, with a read timeout: for reads and writes, not for informers. */
  public ApiClient apiClient() {
    throw new UnsupportedOperationException("stub");
  }

  /** A client without a read timeout, as client-java's informers and watches require. */
  public ApiClient watchClient() {
    throw new UnsupportedOperationException("stub");
  }

  /** A kubeconfig naming this sandbox (context {@code sandbox}), for kubectl and for other processes. */
  public String kubeconfig() {
    throw new UnsupportedOperationException("stub");
  }

  /** Writes {@link #kubeconfig()} to a file and returns it. */
  public Path writeKubeconfig(Path file) {
    throw new UnsupportedOperationException("stub");
  }

  /**
   * Creates or replaces every object of a (multi-document) YAML or JSON file through the API, as
   * {@code kubectl apply} would for a fresh object; CRDs become served at once.
   */
  public void apply(Path manifest) {
    throw new UnsupportedOperationException("stub");
  }

  /** Same as {@link #apply(Path)} for manifest text. */
  public void applyText(String manifest) {
    throw new UnsupportedOperationException("stub");
  }

  /** The kubelet stand-in, to change how pods behave while the sandbox runs. */
  public Kubelet kubelet() {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public void close() {}

  /** Options for a sandbox. */
  public static final class Builder {
    private Duration podReadyDelay = Duration.ofMillis(200);
    private int watchHistory = 1000;
    private int port = 0;

    /** How long a new pod stays Pending/unready before the kubelet stand-in marks it Ready. */
    public Builder podReadyDelay(Duration delay) {
      this.podReadyDelay = delay;
      return this;
    }

    /** How many events the watch cache keeps; a watch from an older resourceVersion gets 410 Expired. */
    public Builder watchHistory(int events) {
      this.watchHistory = events;
      return this;
    }

    /** A fixed port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Sandbox start() {
      throw new UnsupportedOperationException("stub");
    }
  }

  /** The kubelet stand-in: creates pods for ReplicaSets and marks them Ready, as a cluster would. */
  public interface Kubelet {
    /** Pods of this image never become Ready (a revision that crash-loops). */
    void neverReady(String image);

    /** Pods become Ready this long after they are created. */
    void readyDelay(Duration delay);

    /** Stops the stand-in from creating or readying pods (the cluster's nodes are gone) or starts it again. */
    void pause(boolean paused);
  }
}
