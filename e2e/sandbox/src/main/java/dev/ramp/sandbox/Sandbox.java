package dev.ramp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.controllers.Controllers;
import dev.ramp.sandbox.controllers.Kubelet.Node;
import dev.ramp.sandbox.crd.CrdRegistrar;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.http.HttpFrontend;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.BuiltinTypes;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.TypeRegistry;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.server.WriteOptions;
import dev.ramp.sandbox.store.Store;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
 * <p>It serves plain HTTP on a loopback port without authentication. Namespaces {@code default},
 * {@code kube-system}, {@code kube-public} and {@code kube-node-lease} and one Ready node exist from
 * the start.
 */
public final class Sandbox implements AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final Store store;
  private final Resources resources;
  private final Controllers controllers;
  private final HttpFrontend http;
  private final URI url;
  private volatile ApiClient apiClient;
  private volatile ApiClient watchClient;

  private Sandbox(Builder builder) {
    Clock clock = Clock.systemUTC();
    this.store = new Store(builder.watchHistory);
    TypeRegistry registry = new TypeRegistry();
    List<ResourceType> builtins = BuiltinTypes.all(clock);
    registry.registerBuiltin(builtins);
    builtins.forEach(type -> store.ensureCollection(type.collection()));
    this.resources = new Resources(store, registry, clock);
    store.addListener(new CrdRegistrar(store, registry));
    this.controllers = new Controllers(resources, builder.podReadyDelay);
    bootstrap();
    store.sealHistory();
    try {
      this.http = new HttpFrontend(resources, builder.port);
    } catch (IOException e) {
      controllers.close();
      throw new UncheckedIOException("cannot start the sandbox's HTTP server", e);
    }
    this.url = URI.create("http://127.0.0.1:" + http.port());
  }

  private void bootstrap() {
    ResourceType namespaces = resources.registry().find("", "v1", "namespaces").orElseThrow();
    for (String name : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      ObjectNode namespace = Json.object();
      Json.metadata(namespace).put("name", name);
      resources.create(namespaces, "", namespace, WriteOptions.DEFAULT);
    }
    ResourceType nodes = resources.registry().find("", "v1", "nodes").orElseThrow();
    resources.create(nodes, "", Node.object(), WriteOptions.DEFAULT);
  }

  /** Starts a sandbox with default options on a free loopback port, namespace {@code default} present. */
  public static Sandbox start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server's base URL, {@code http://127.0.0.1:PORT}. */
  public URI url() {
    return url;
  }

  /** A client for this sandbox, with a read timeout: for reads and writes, not for informers. */
  public ApiClient apiClient() {
    ApiClient client = apiClient;
    if (client == null) {
      synchronized (this) {
        if (apiClient == null) {
          apiClient = newClient(READ_TIMEOUT);
        }
        client = apiClient;
      }
    }
    return client;
  }

  /** A client without a read timeout, as client-java's informers and watches require. */
  public ApiClient watchClient() {
    ApiClient client = watchClient;
    if (client == null) {
      synchronized (this) {
        if (watchClient == null) {
          watchClient = newClient(Duration.ZERO);
        }
        client = watchClient;
      }
    }
    return client;
  }

  private ApiClient newClient(Duration readTimeout) {
    ApiClient client = new ClientBuilder().setBasePath(url.toString()).setVerifyingSsl(false).build();
    client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(readTimeout).build());
    return client;
  }

  /** A kubeconfig naming this sandbox (context {@code sandbox}), for kubectl and for other processes. */
  public String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: sandbox
          cluster:
            server: %s
        contexts:
        - name: sandbox
          context:
            cluster: sandbox
            namespace: default
            user: sandbox
        current-context: sandbox
        preferences: {}
        users:
        - name: sandbox
          user: {}
        """.formatted(url);
  }

  /** Writes {@link #kubeconfig()} to a file and returns it. */
  public Path writeKubeconfig(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, kubeconfig(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig to " + file, e);
    }
  }

  /**
   * Creates or replaces every object of a (multi-document) YAML or JSON file through the API, as
   * {@code kubectl apply} would for a fresh object; CRDs become served at once.
   */
  public void apply(Path manifest) {
    try {
      applyText(Files.readString(manifest, StandardCharsets.UTF_8), manifest.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    }
  }

  /** Same as {@link #apply(Path)} for manifest text. */
  public void applyText(String manifest) {
    applyText(manifest, "manifest");
  }

  private void applyText(String manifest, String source) {
    List<JsonNode> documents;
    try {
      documents = Json.parseYamlDocuments(manifest);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(source + " is not valid YAML: " + e.getCause().getMessage(), e);
    }
    int index = 0;
    for (JsonNode document : documents) {
      index++;
      if (!(document instanceof ObjectNode object)) {
        throw new IllegalArgumentException(source + ", document " + index + ": not an object");
      }
      if (Json.text(object, "kind").endsWith("List") && object.path("items").isArray()) {
        for (JsonNode item : object.path("items")) {
          applyObject((ObjectNode) item, source, index);
        }
      } else {
        applyObject(object, source, index);
      }
    }
  }

  private void applyObject(ObjectNode object, String source, int index) {
    String apiVersion = Json.text(object, "apiVersion");
    String kind = Json.text(object, "kind");
    String name = Json.text(object, "metadata", "name");
    String where = source + ", document " + index + " (" + kind + " " + name + ")";
    ResourceType type = resources.registry().findKind(apiVersion, kind).orElseThrow(() ->
        new IllegalArgumentException(where + ": the sandbox serves no kind " + kind + " in " + apiVersion));
    String namespace = type.namespaced() ? Optional.of(Json.text(object, "metadata", "namespace"))
        .filter(ns -> !ns.isEmpty()).orElse("default") : "";
    try {
      Optional<ObjectNode> existing = name.isEmpty() ? Optional.empty() : resources.find(type, namespace, name);
      if (existing.isEmpty()) {
        resources.create(type, namespace, object, WriteOptions.DEFAULT);
      } else {
        ObjectNode replacement = object.deepCopy();
        Json.metadata(replacement).put("resourceVersion", Json.text(existing.get(), "metadata", "resourceVersion"));
        resources.update(type, namespace, name, "", replacement, WriteOptions.DEFAULT);
      }
    } catch (ApiException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** The kubelet stand-in, to change how pods behave while the sandbox runs. */
  public Kubelet kubelet() {
    return controllers.kubelet();
  }

  @Override
  public void close() {
    http.close();
    store.closeWatches();
    controllers.close();
  }

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

    /** How many events the watch cache keeps per resource; a watch from an older resourceVersion gets 410 Expired. */
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
      return new Sandbox(this);
    }
  }

  /** The kubelet stand-in: creates pods for ReplicaSets and marks them Ready, as a cluster would. */
  public interface Kubelet {
    /** Pods of this image never become Ready (a revision that crash-loops). */
    void neverReady(String image);

    /** Pods become Ready this long after they are created. */
    void readyDelay(Duration delay);

    /**
     * Stops the stand-in from scheduling or readying pods (the cluster's nodes are gone) or starts it
     * again. ReplicaSets still get their pods, as kube-controller-manager keeps creating them; they stay
     * Pending until the kubelet resumes.
     */
    void pause(boolean paused);
  }
}
