package dev.ramp.controller.plan;

import dev.ramp.api.rollout.Rollout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the reconciler saw of one Rollout's world, gathered before any decision: the planner's
 * only input besides the clock. Nothing here is null.
 *
 * @param rollout the Rollout as read (spec and last written status)
 * @param replicaSets the ReplicaSets it owns, oldest revision first
 * @param traffic what the traffic router reports (weights, selectors) and what it could not resolve
 * @param analysisRuns the AnalysisRuns it owns
 * @param workload the Deployment named by {@code workloadRef}, when there is one and it exists
 * @param problems references that do not resolve or contradict each other, each a sentence that names
 *     the object ("AnalysisTemplate default/success-rate not found"); any of them makes the rollout
 *     Degraded with condition InvalidSpec and stops it where it is
 * @param now the reconcile's clock reading
 */
public record Observation(
    Rollout rollout,
    List<ObservedReplicaSet> replicaSets,
    ObservedTraffic traffic,
    List<ObservedAnalysisRun> analysisRuns,
    Optional<ObservedWorkload> workload,
    List<String> problems,
    Instant now) {

  public Observation {
    replicaSets = List.copyOf(replicaSets);
    analysisRuns = List.copyOf(analysisRuns);
    problems = List.copyOf(problems);
  }
}
