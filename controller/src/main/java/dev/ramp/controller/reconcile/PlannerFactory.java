package dev.ramp.controller.reconcile;

import dev.ramp.controller.rollout.RolloutPlanner;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The planner the reconciler calls: the pure {@link RolloutPlanner}; tests may register another. */
@Factory
public class PlannerFactory {

  @Singleton
  @Requires(missingBeans = Planner.class)
  Planner rolloutPlanner() {
    RolloutPlanner planner = new RolloutPlanner();
    return planner::plan;
  }
}
