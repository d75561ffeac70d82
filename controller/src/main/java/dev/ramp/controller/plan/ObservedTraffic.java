package dev.ramp.controller.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the traffic router reports for a Rollout.
 *
 * @param canaryWeight the weight (0..100) the canary gets now; empty when there is no router (the
 *     weight is then the replica ratio) or when the routes disagree (someone edited one), which the
 *     planner treats as "must be written"
 * @param selectors for every Service (canary, stable, active, preview) and DestinationRule subset
 *     ({@code <rule>/<subset>}) the strategy names: the pod-template hash it currently pins, or absent
 *     from the map when it pins none
 * @param problems what the router could not resolve ("VirtualService default/web-vs not found",
 *     "route 'primary' not found in VirtualService default/web-vs")
 */
public record ObservedTraffic(Optional<Integer> canaryWeight, Map<String, String> selectors, List<String> problems) {

  public static final ObservedTraffic NONE = new ObservedTraffic(Optional.empty(), Map.of(), List.of());

  public ObservedTraffic {
    selectors = Map.copyOf(selectors);
    problems = List.copyOf(problems);
  }
}
