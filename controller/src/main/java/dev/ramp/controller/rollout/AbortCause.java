package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutStatus;
import java.util.List;
import java.util.Optional;

/**
 * Why an update is being aborted, as a person reads it on the Rollout's condition and in the abort
 * notice ("Rollout aborted: AnalysisRun web-6c8f-step-2 Failed: ...").
 */
record AbortCause(String message) {

  static final String REASON = "RolloutAborted";

  /**
   * The abort in force for this reconcile, if any: a person set {@code status.abort}, or an earlier
   * reconcile aborted (its message is kept on the Progressing condition). An abort while no update is
   * under way has nothing to undo and is ignored, so the stable ReplicaSet is never touched (AR#1292).
   */
  static Optional<AbortCause> of(RolloutStatus status, Revisions revisions) {
    if (!status.abort() || !revisions.hasStable() || revisions.currentIsStable()) {
      return Optional.empty();
    }
    if (status.abortedAt().isPresent()) {
      String kept = status.condition(RolloutCondition.PROGRESSING)
          .filter(c -> c.reason().equals(Optional.of(REASON)))
          .flatMap(RolloutCondition::message)
          .orElse("Rollout aborted");
      return Optional.of(new AbortCause(kept));
    }
    return Optional.of(new AbortCause("Rollout aborted on request (status.abort): all traffic back to the stable "
        + "revision " + Revisions.replicaSetName(revisions.rolloutName(), revisions.stableHash().orElseThrow())
        + " (kubectl ramp retry starts the update again, kubectl ramp undo goes back)"));
  }

  /** Marks the status aborted: abortedAt set once, pauses ended (aborting a paused rollout ends it, AR#3756). */
  static void mark(Context ctx, Draft d) {
    d.status(b -> b.abort(true)
        .abortedAt(d.status().abortedAt().orElse(ctx.nowUtc()))
        .pauseConditions(List.of())
        .controllerPause(false)
        .promoteFull(false));
  }
}
