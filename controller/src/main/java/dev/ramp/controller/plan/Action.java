package dev.ramp.controller.plan;

import dev.ramp.api.rollout.RolloutAnalysis;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One write the executor makes. Each is idempotent: doing it twice leaves the world as doing it once. */
public sealed interface Action {

  /** Creates the ReplicaSet of the Rollout's current pod template. */
  record CreateReplicaSet(String name, String podTemplateHash, long revision, int replicas) implements Action {}

  /** Sets a ReplicaSet's {@code spec.replicas}. */
  record ScaleReplicaSet(String name, int replicas) implements Action {}

  /** Sets or clears the time at which a ReplicaSet is to be scaled to zero. */
  record SetScaleDownDeadline(String name, Optional<Instant> deadline) implements Action {}

  /** Deletes an old ReplicaSet beyond {@code revisionHistoryLimit}. */
  record DeleteReplicaSet(String name) implements Action {}

  /**
   * Moves traffic through the Rollout's router: the canary gets {@code canaryWeight} percent, the
   * stable revision the rest.
   */
  record SetCanaryWeight(int canaryWeight) implements Action {}

  /**
   * Pins Services (or DestinationRule subsets, {@code <rule>/<subset>}) to revisions: name → the
   * pod-template hash to select.
   */
  record PinSelectors(Map<String, String> selectors) implements Action {
    public PinSelectors {
      selectors = Map.copyOf(selectors);
    }
  }

  /**
   * Starts an AnalysisRun from the Rollout's templates, its args resolved for this revision
   * ({@code podTemplateHashValue} from {@code stableHash}/{@code latestHash}).
   */
  record CreateAnalysisRun(
      String name, AnalysisPurpose purpose, RolloutAnalysis analysis, String latestHash, String stableHash)
      implements Action {}

  /** Stops an AnalysisRun that is no longer needed (promotion, abort, a newer revision). */
  record TerminateAnalysisRun(String name) implements Action {}

  /** Deletes a finished AnalysisRun beyond the history the Rollout keeps. */
  record DeleteAnalysisRun(String name) implements Action {}

  /** Scales the Deployment of {@code workloadRef} (to zero as the Rollout takes over). */
  record ScaleWorkload(int replicas) implements Action {}
}
