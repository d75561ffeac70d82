package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.IstioDestinationRule;
import dev.ramp.api.rollout.TrafficWeights;
import dev.ramp.api.rollout.WeightDestination;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a canary's traffic goes: the Services and DestinationRule subsets pinned to each revision
 * (names as {@link dev.ramp.controller.plan.ObservedTraffic} reports them), and the weight the
 * rollout is at, kept in {@code status.canary.weights} so that a route edited by hand is put back.
 */
final class CanaryTraffic {
  private CanaryTraffic() {}

  /** The canary has a traffic router; without one its weight is its share of the pods. */
  static boolean routed(CanaryStrategy canary) {
    return canary.istio().isPresent();
  }

  /** The Services and DestinationRule subset that carry the stable revision's traffic. */
  static Map<String, String> stableSide(CanaryStrategy canary, String hash) {
    Map<String, String> pins = new LinkedHashMap<>();
    canary.stableService().ifPresent(s -> pins.put(s, hash));
    destinationRule(canary).ifPresent(r -> pins.put(r.name() + "/" + r.stableSubsetName(), hash));
    return pins;
  }

  /** The Services and DestinationRule subset that carry the canary's traffic. */
  static Map<String, String> canarySide(CanaryStrategy canary, String hash) {
    Map<String, String> pins = new LinkedHashMap<>();
    canary.canaryService().ifPresent(s -> pins.put(s, hash));
    destinationRule(canary).ifPresent(r -> pins.put(r.name() + "/" + r.canarySubsetName(), hash));
    return pins;
  }

  /** Both sides on one revision: no update in progress. */
  static Map<String, String> bothSides(CanaryStrategy canary, String hash) {
    Map<String, String> pins = stableSide(canary, hash);
    pins.putAll(canarySide(canary, hash));
    return pins;
  }

  /** The canary weight the rollout is at (0 before any {@code setWeight} of this revision completed). */
  static int recordedWeight(Draft d) {
    return d.status().canary().weights().map(w -> w.canary().weight()).orElse(0);
  }

  static void recordWeight(Draft d, CanaryStrategy canary, int weight, String canaryHash, String stableHash) {
    TrafficWeights weights = TrafficWeights.of(
        WeightDestination.of(weight, canary.canaryService().orElse(null), canaryHash),
        WeightDestination.of(100 - weight, canary.stableService().orElse(null), stableHash));
    d.status(b -> b.canary(d.status().canary().withWeights(weights)));
  }

  private static Optional<IstioDestinationRule> destinationRule(CanaryStrategy canary) {
    return canary.istio().flatMap(i -> i.destinationRule());
  }
}
