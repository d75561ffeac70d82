package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.Responses;
import dev.ramp.controller.leader.Leadership;
import dev.ramp.controller.plan.ObservedTraffic;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the Services a strategy names and pins them to revisions. */
@Singleton
public class ServicePinner {
  private final GenericKubernetesApi<V1Service, V1ServiceList> services;
  private final Leadership leadership;

  public ServicePinner(@Named(KubeClients.API) ApiClient client, Leadership leadership) {
    this.services = new GenericKubernetesApi<>(V1Service.class, V1ServiceList.class, "", "v1", "services", client);
    this.leadership = leadership;
  }

  /** What reading a Rollout's Services found. */
  public record Reading(Map<String, V1Service> services, Map<String, String> selectors, List<String> problems) {}

  /** Reads the named Services of the Rollout's namespace; missing ones and ones that can never match are problems. */
  public Reading read(String namespace, String rolloutName, List<String> names, Optional<Map<String, String>> podLabels) {
    Map<String, V1Service> found = new LinkedHashMap<>();
    Map<String, String> selectors = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : names.stream().distinct().toList()) {
      Optional<V1Service> service = Responses.found("GET Service " + namespace + "/" + name,
          () -> services.get(namespace, name));
      if (service.isEmpty()) {
        problems.add("Service " + namespace + "/" + name + " not found");
        continue;
      }
      found.put(name, service.get());
      ServiceSelectors.pinnedHash(service.get()).ifPresent(hash -> selectors.put(name, hash));
      podLabels.flatMap(labels -> ServiceSelectors.neverMatches(service.get(), namespace + "/" + rolloutName, labels))
          .ifPresent(problems::add);
    }
    return new Reading(found, selectors, problems);
  }

  /**
   * The whole reading of a router that moves traffic only through Service selectors: no weight to
   * report (replica ratio, blue-green), the named Services' selectors and problems.
   */
  TrafficState observeOnly(Rollout rollout, List<String> names) {
    Reading reading = read(rollout.getMetadata().getNamespace(), rollout.getMetadata().getName(), names,
        RolloutTemplates.podLabels(rollout));
    return TrafficState.of(rollout, new ObservedTraffic(Optional.empty(), reading.selectors(), reading.problems()),
        reading.services());
  }

  /** Pins each named Service read into the state to its hash; a Service the state does not hold is a conflict. */
  void pin(TrafficState state, Map<String, String> selectors) {
    String namespace = state.rollout().getMetadata().getNamespace();
    for (Map.Entry<String, String> pin : selectors.entrySet()) {
      V1Service service = state.services().get(pin.getKey());
      if (service == null) {
        throw new IllegalStateException("Service " + namespace + "/" + pin.getKey()
            + " was not read before pinning it; the strategy does not name it");
      }
      Optional<JsonPatch> patch = ServiceSelectors.pinPatch(service, pin.getValue());
      if (patch.isPresent()) {
        leadership.check();
        V1Service updated = Responses.patched("PATCH Service " + namespace + "/" + pin.getKey(),
            () -> services.patch(namespace, pin.getKey(), V1Patch.PATCH_FORMAT_JSON_PATCH, patch.get().toV1Patch()));
        state.services().put(pin.getKey(), updated);
      }
    }
  }
}
