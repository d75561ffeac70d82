package dev.ramp.controller.observe;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.traffic.TrafficRouter;
import dev.ramp.controller.traffic.TrafficState;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import java.util.Map;
import java.util.Optional;

/**
 * One reconcile's reading: the planner's {@link Observation} and, beside it, the objects as read with
 * their resourceVersions, which the executor's writes carry.
 *
 * @param observation the planner's input
 * @param rollout the Rollout as cached, whose resourceVersion the status write carries
 * @param resolved the Rollout with its pod template and selector taken from {@code workloadRef} when it
 *     has one (the same object otherwise); ReplicaSets are built from it
 * @param replicaSets the Rollout's ReplicaSets by name
 * @param analysisRuns the Rollout's AnalysisRuns by name
 * @param workload the Deployment of {@code workloadRef}, when there is one and it exists
 * @param router the Rollout's traffic router
 * @param traffic what the router read
 */
public record Observed(
    Observation observation,
    Rollout rollout,
    Rollout resolved,
    Map<String, V1ReplicaSet> replicaSets,
    Map<String, AnalysisRun> analysisRuns,
    Optional<V1Deployment> workload,
    TrafficRouter router,
    TrafficState traffic) {

  public Observed {
    replicaSets = Map.copyOf(replicaSets);
    analysisRuns = Map.copyOf(analysisRuns);
  }
}
