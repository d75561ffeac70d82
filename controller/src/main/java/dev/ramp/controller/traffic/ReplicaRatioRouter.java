package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Rollout;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A canary without a traffic router: the canary's share of traffic is its share of the replicas,
 * which the planner sets by scaling, so there is no weight to write. The canary and stable Services,
 * when the strategy names them, are still pinned to their revisions.
 */
@Singleton
public class ReplicaRatioRouter implements TrafficRouter {
  private final ServicePinner services;

  public ReplicaRatioRouter(ServicePinner services) {
    this.services = services;
  }

  @Override
  public TrafficState observe(Rollout rollout) {
    CanaryStrategy canary = rollout.spec().strategy().canary().orElseThrow();
    List<String> names = new ArrayList<>();
    canary.canaryService().ifPresent(names::add);
    canary.stableService().ifPresent(names::add);
    return services.observeOnly(rollout, names);
  }

  @Override
  public void setCanaryWeight(TrafficState state, int canaryWeight) {
    // The replica counts are the weight; the planner scales the ReplicaSets.
  }

  @Override
  public void pinSelectors(TrafficState state, Map<String, String> selectors) {
    services.pin(state, selectors);
  }
}
