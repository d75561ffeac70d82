package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.PauseCondition;
import dev.ramp.api.rollout.PauseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The controller's pauses, kept as {@code status.pauseConditions} with their start time so that a
 * restarted controller neither restarts a timed pause nor forgets one. {@code controllerPause} says
 * the controller paused; once a person clears the conditions it means "go on" (promotion).
 */
final class Pauses {
  private Pauses() {}

  /**
   * Holds the rollout at a pause of this reason, starting it if needed. True once the pause is over:
   * its duration has passed since it started, or a person promoted the rollout ({@code promoted}).
   * A timed pause asks to be woken when it ends, so nothing polls.
   */
  static boolean over(Context ctx, Draft d, PauseReason reason, Optional<Duration> duration, boolean promoted) {
    Optional<PauseCondition> condition = d.status().pauseCondition(reason);
    if (condition.isEmpty()) {
      if (promoted) {
        d.status(b -> b.controllerPause(!d.status().pauseConditions().isEmpty()));
        return true;
      }
      if (duration.filter(Duration::isZero).isPresent()) {
        return true;
      }
      List<PauseCondition> conditions = new ArrayList<>(d.status().pauseConditions());
      conditions.add(new PauseCondition(reason, ctx.nowUtc()));
      d.status(b -> b.pauseConditions(conditions).controllerPause(true));
      duration.ifPresent(length -> d.wakeAt(ctx.now().plus(length)));
      return false;
    }
    if (duration.isPresent()) {
      Instant end = condition.get().startTime().toInstant().plus(duration.get());
      if (!ctx.now().isBefore(end)) {
        end(d, reason);
        return true;
      }
      d.wakeAt(end);
    }
    return false;
  }

  /** Ends a pause of this reason; the controller's pause ends with its last condition. */
  static void end(Draft d, PauseReason reason) {
    List<PauseCondition> remaining = d.status().pauseConditions().stream().filter(c -> c.reason() != reason).toList();
    d.status(b -> b.pauseConditions(remaining).controllerPause(!remaining.isEmpty()));
  }

  /** Ends every pause: the update moves on regardless (full promotion). */
  static void endAll(Draft d) {
    d.status(b -> b.pauseConditions(List.of()).controllerPause(false));
  }
}
