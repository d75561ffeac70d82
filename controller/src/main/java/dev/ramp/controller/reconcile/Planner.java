package dev.ramp.controller.reconcile;

import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.plan.Plan;

/** The pure decision of what to do next for one Rollout: the planner, as the reconciler calls it. */
@FunctionalInterface
public interface Planner {
  Plan plan(Observation observation);
}
