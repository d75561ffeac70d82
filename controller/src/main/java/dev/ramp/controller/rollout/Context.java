package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.ObservedTraffic;
import dev.ramp.controller.plan.Observation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the strategy planners read in one reconcile: the observation, its ReplicaSets sorted into
 * roles, the status to build on (the one read, with resets for a new revision, new steps or a retry
 * applied) and the abort in force.
 */
record Context(Observation observation, RolloutStatus status, Revisions revisions, Optional<AbortCause> abort) {

  Context withAbort(AbortCause cause) {
    return new Context(observation, status, revisions, Optional.of(cause));
  }

  Rollout rollout() {
    return observation.rollout();
  }

  RolloutSpec spec() {
    return observation.rollout().spec();
  }

  String name() {
    return revisions.rolloutName();
  }

  int replicas() {
    return Math.max(0, spec().replicas());
  }

  Instant now() {
    return observation.now();
  }

  OffsetDateTime nowUtc() {
    return observation.now().atOffset(ZoneOffset.UTC);
  }

  ObservedTraffic traffic() {
    return observation.traffic();
  }

  /**
   * A person promoted the rollout: the controller had paused it and its pause conditions were cleared
   * ({@code kubectl ramp promote}). Releases the pause or inconclusive analysis the rollout waits at.
   */
  boolean promoted() {
    return status.controllerPause() && status.pauseConditions().isEmpty();
  }
}
