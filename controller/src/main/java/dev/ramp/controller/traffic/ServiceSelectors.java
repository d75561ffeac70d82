package dev.ramp.controller.traffic;

import com.google.gson.JsonObject;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.controller.kube.JsonPatch;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a Service is pinned to a revision: its selector gains {@code rollouts-pod-template-hash=<hash>}.
 * Pure functions over the Service as read.
 */
public final class ServiceSelectors {
  private ServiceSelectors() {}

  /** The hash the Service's selector pins, if any. */
  public static Optional<String> pinnedHash(V1Service service) {
    return Optional.ofNullable(selector(service).get(RampMetadataKeys.POD_TEMPLATE_HASH));
  }

  /**
   * Why the Service can never select the Rollout's pods, if it cannot: a selector label the pod
   * template does not carry with that value (the hash label aside, which Ramp sets), or no selector.
   */
  public static Optional<String> neverMatches(V1Service service, String rolloutName, Map<String, String> podLabels) {
    String what = "Service " + service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
    Map<String, String> selector = selector(service);
    if (service.getSpec() == null || service.getSpec().getSelector() == null) {
      return Optional.of(what + " has no selector, so it can never select the pods of Rollout " + rolloutName
          + " (Ramp pins a Service by adding the revision's hash to its selector)");
    }
    Map<String, String> rest = new TreeMap<>(selector);
    rest.remove(RampMetadataKeys.POD_TEMPLATE_HASH);
    boolean matches = rest.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    if (matches) {
      return Optional.empty();
    }
    return Optional.of(what + " selects " + labels(rest) + ", which the pods of Rollout " + rolloutName
        + " never carry (their labels: " + labels(new TreeMap<>(podLabels)) + ")");
  }

  /** The patch that pins the Service to {@code hash}; empty when it already is. */
  public static Optional<JsonPatch> pinPatch(V1Service service, String hash) {
    if (pinnedHash(service).filter(hash::equals).isPresent()) {
      return Optional.empty();
    }
    JsonPatch patch = JsonPatch.at(service.getMetadata().getResourceVersion());
    if (service.getSpec() == null || service.getSpec().getSelector() == null) {
      JsonObject selector = new JsonObject();
      selector.addProperty(RampMetadataKeys.POD_TEMPLATE_HASH, hash);
      return Optional.of(patch.add("/spec/selector", selector));
    }
    return Optional.of(patch.add("/spec/selector/" + JsonPatch.escape(RampMetadataKeys.POD_TEMPLATE_HASH), hash));
  }

  private static Map<String, String> selector(V1Service service) {
    if (service.getSpec() == null || service.getSpec().getSelector() == null) {
      return Map.of();
    }
    return service.getSpec().getSelector();
  }

  private static String labels(Map<String, String> labels) {
    return labels.isEmpty() ? "none" : labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
