package dev.ramp.sandbox.contract.harness;

import dev.ramp.sandbox.Sandbox;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A real cluster reached through the kubeconfig {@code KUBECONFIG} names (its current context). */
public record RealCluster(ApiClient api, ApiClient watchApi, Wire wire) implements Cluster {

  static RealCluster connect(String kubeconfigPath) {
    ApiClient api = client(kubeconfigPath);
    api.setReadTimeout(30_000);
    ApiClient watchApi = client(kubeconfigPath);
    watchApi.setReadTimeout(0);
    return new RealCluster(api, watchApi, new Wire(api, watchApi));
  }

  private static ApiClient client(String kubeconfigPath) {
    Path file = Path.of(kubeconfigPath);
    try (Reader reader = Files.newBufferedReader(file)) {
      KubeConfig config = KubeConfig.loadKubeConfig(reader);
      config.setFile(file.toFile());
      return ClientBuilder.kubeconfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kubeconfig KUBECONFIG names: " + file, e);
    }
  }

  @Override
  public Target target() {
    return Target.REAL_CLUSTER;
  }

  @Override
  public Optional<Sandbox.Kubelet> kubelet() {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
