package dev.ramp.controller.traffic;

import com.google.gson.JsonObject;
import dev.ramp.controller.kube.ApiDiscovery;
import dev.ramp.controller.kube.Istio;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.kube.Responses;
import dev.ramp.controller.leader.Leadership;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Reads and patches Istio's VirtualServices and DestinationRules, in whichever version the cluster serves. */
@Singleton
public class IstioObjects {
  private final ApiClient client;
  private final ApiDiscovery discovery;
  private final Leadership leadership;

  public IstioObjects(@Named(KubeClients.API) ApiClient client, ApiDiscovery discovery, Leadership leadership) {
    this.client = client;
    this.discovery = discovery;
    this.leadership = leadership;
  }

  /** The served version of networking.istio.io (v1 preferred), empty when Istio's API is not served. */
  public Optional<String> version() {
    try {
      return discovery.servedVersion(Istio.GROUP, Istio.VERSIONS);
    } catch (ApiException e) {
      throw new KubeApiException("GET /apis (discovery of " + Istio.GROUP + ")", e.getCode(), e.getMessage(), false);
    }
  }

  /** The object as JSON, empty when it does not exist. */
  public Optional<JsonObject> get(String plural, String kind, String version, ObjectKey key) {
    DynamicKubernetesApi api = new DynamicKubernetesApi(Istio.GROUP, version, plural, client);
    return Responses.found("GET " + kind + " " + key, () -> api.get(key.namespace(), key.name()))
        .map(DynamicKubernetesObject::getRaw);
  }

  /** Applies a JSON patch that tests the resourceVersion; returns the object as the server now has it. */
  public JsonObject patch(String plural, String kind, String version, ObjectKey key, JsonPatch patch) {
    leadership.check();
    DynamicKubernetesApi api = new DynamicKubernetesApi(Istio.GROUP, version, plural, client);
    return Responses.patched("PATCH " + kind + " " + key,
        () -> api.patch(key.namespace(), key.name(), V1Patch.PATCH_FORMAT_JSON_PATCH, patch.toV1Patch())).getRaw();
  }
}
