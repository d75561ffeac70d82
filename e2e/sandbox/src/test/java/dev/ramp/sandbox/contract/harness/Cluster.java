package dev.ramp.sandbox.contract.harness;

import dev.ramp.sandbox.Sandbox;
import io.kubernetes.client.openapi.ApiClient;
import java.util.Optional;

/**
 * The API server under test and the clients that reach it: the sandbox, started in-process, or the real
 * cluster {@code KUBECONFIG} names. Opening one installs the suite's test kinds (contract/*.yaml).
 */
public sealed interface Cluster extends AutoCloseable permits SandboxCluster, RealCluster {

  Target target();

  /** A client with a read timeout, for reads and writes. */
  ApiClient api();

  /** A client without a read timeout, for watches and informers. */
  ApiClient watchApi();

  Wire wire();

  /** The sandbox's kubelet stand-in; empty on a real cluster, whose kubelets nobody steers. */
  Optional<Sandbox.Kubelet> kubelet();

  @Override
  void close();

  static Cluster open(Target target) {
    Cluster cluster = target == Target.SANDBOX ? SandboxCluster.start() : RealCluster.connect(Target.kubeconfigPath());
    try {
      TestKinds.install(cluster.wire());
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }
}
