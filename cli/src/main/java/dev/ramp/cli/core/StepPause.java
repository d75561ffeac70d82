package dev.ramp.cli.core;

import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.Pause;
import dev.ramp.api.rollout.PauseCondition;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.value.DurationFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the canary pause step the controller holds a rollout at waits for, seen at one moment: a
 * promotion, or the end of its duration (counted from the pause condition's start time).
 */
public sealed interface StepPause {

  /** {@code pause: {}}: only {@code kubectl ramp promote} moves the rollout on. */
  record UntilPromoted() implements StepPause {}

  /** A timed pause with this much left, in whole seconds rounded up (so never zero). */
  record CountingDown(Duration left) implements StepPause {}

  /** A timed pause whose time is up: the controller moves on at its next look. */
  record Due() implements StepPause {}

  /**
   * The pause at the rollout's current step, when the controller holds the rollout there
   * (a {@code CanaryPauseStep} condition) and nobody paused it by hand ({@code spec.paused} stops
   * the clock's meaning: it waits for a resume whatever the duration says).
   */
  static Optional<StepPause> of(Rollout rollout, Instant now) {
    List<CanaryStep> steps = Rollouts.steps(rollout);
    int index = Rollouts.stepIndex(rollout);
    if (index >= steps.size() || !Rollouts.updateInProgress(rollout) || Rollouts.isAborted(rollout)
        || Rollouts.specPaused(rollout)) {
      return Optional.empty();
    }
    Optional<Pause> pause = steps.get(index).pause();
    Optional<PauseCondition> condition = rollout.status().pauseConditions().stream()
        .filter(c -> c.reason() == PauseReason.CANARY_PAUSE_STEP).findFirst();
    if (pause.isEmpty() || condition.isEmpty()) {
      return Optional.empty();
    }
    if (pause.get().isUntilPromoted()) {
      return Optional.of(new UntilPromoted());
    }
    Duration duration;
    try {
      duration = pause.get().parsedDuration().orElseThrow();
    } catch (DurationFormatException e) {
      return Optional.empty();
    }
    if (condition.get().startTime() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, condition.get().startTime().toInstant().plus(duration));
    if (left.isNegative() || left.isZero()) {
      return Optional.of(new Due());
    }
    long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    return Optional.of(new CountingDown(Duration.ofSeconds(seconds)));
  }
}
