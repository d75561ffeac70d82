package dev.ramp.controller.rollout;

import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.ObservedReplicaSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Scaling down ReplicaSets that traffic has left, after a delay kept on the ReplicaSet itself (the
 * scale-down deadline), so that meshes and load balancers have stopped sending to the old pods before
 * they go (AR#4195, AR#4390) and a restarted controller honours the same deadline. Callers plan the
 * traffic change first in the same plan; the executor stops at the first failed action, so a
 * deadline is never set while traffic still points at the ReplicaSet.
 */
final class ScaleDowns {
  private ScaleDowns() {}

  /** An old or intermediate ReplicaSet: to zero {@code delaySeconds} after traffic left it (0: at once). */
  static void retire(Context ctx, Draft d, ObservedReplicaSet rs, int delaySeconds) {
    if (rs.desiredReplicas() == 0) {
      return;
    }
    Optional<Instant> deadline = rs.scaleDownAt();
    if (deadline.isEmpty()) {
      if (delaySeconds <= 0) {
        d.scale(rs, 0);
        return;
      }
      Instant at = ctx.now().plusSeconds(delaySeconds);
      d.add(new Action.SetScaleDownDeadline(rs.name(), Optional.of(at)));
      d.wakeAt(at);
      return;
    }
    if (ctx.now().isBefore(deadline.get())) {
      d.wakeAt(deadline.get());
    } else {
      d.scale(rs, 0);
    }
  }

  /**
   * The canary or preview of an aborted update: to zero {@code abortScaleDownDelaySeconds} after the
   * abort; 0 keeps it running (for a person to inspect), as in Argo Rollouts.
   */
  static void afterAbort(Context ctx, Draft d, ObservedReplicaSet rs, int delaySeconds) {
    if (delaySeconds <= 0) {
      d.keep(rs);
      return;
    }
    retire(ctx, d, rs, delaySeconds);
  }
}
