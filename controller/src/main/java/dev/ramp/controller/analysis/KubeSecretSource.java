package dev.ramp.controller.analysis;

import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.Responses;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets by GET, not from a cache: the controller reads only the few Secrets that runs name, when a
 * measurement is due, and keeps no Secret in memory.
 */
@Singleton
public class KubeSecretSource implements SecretSource {
  private final GenericKubernetesApi<V1Secret, V1SecretList> secrets;

  public KubeSecretSource(@Named(KubeClients.API) ApiClient client) {
    this.secrets = new GenericKubernetesApi<>(V1Secret.class, V1SecretList.class, "", "v1", "secrets", client);
  }

  @Override
  public Optional<Map<String, String>> data(String namespace, String name) {
    return Responses.found("GET Secret " + namespace + "/" + name, () -> secrets.get(namespace, name))
        .map(secret -> {
          Map<String, String> data = new LinkedHashMap<>();
          if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> data.put(key, new String(value, StandardCharsets.UTF_8)));
          }
          return data;
        });
  }
}
