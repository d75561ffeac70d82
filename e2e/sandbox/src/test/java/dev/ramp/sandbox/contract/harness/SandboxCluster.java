package dev.ramp.sandbox.contract.harness;

import dev.ramp.sandbox.Sandbox;
import io.kubernetes.client.openapi.ApiClient;
import java.util.Optional;

/** The sandbox, started once for the whole suite and closed when the suite ends. */
public record SandboxCluster(Sandbox sandbox, ApiClient api, ApiClient watchApi, Wire wire) implements Cluster {

  static SandboxCluster start() {
    Sandbox sandbox = Sandbox.start();
    try {
      ApiClient api = sandbox.apiClient();
      ApiClient watchApi = sandbox.watchClient();
      return new SandboxCluster(sandbox, api, watchApi, new Wire(api, watchApi));
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  @Override
  public Target target() {
    return Target.SANDBOX;
  }

  @Override
  public Optional<Sandbox.Kubelet> kubelet() {
    return Optional.of(sandbox.kubelet());
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
