package dev.ramp.cli.core;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.cli.ExitCode;

/**
 * Whether a rollout has finished, for {@code kubectl ramp status}: Healthy (exit 0), failed —
 * Degraded or aborted — (non-zero), or still under way. Either counts only once the controller has
 * seen the latest spec: right after a {@code kubectl apply}, the old phase is not an answer.
 */
public enum StatusVerdict {
  HEALTHY(ExitCode.OK),
  FAILED(ExitCode.FAILED),
  IN_PROGRESS(ExitCode.NOT_FINISHED);

  private final ExitCode exitCode;

  StatusVerdict(ExitCode exitCode) {
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public boolean isFinal() {
    return this != IN_PROGRESS;
  }

  public static StatusVerdict of(Rollout rollout) {
    if (!Rollouts.specObserved(rollout)) {
      return IN_PROGRESS;
    }
    if (Rollouts.isAborted(rollout)
        || rollout.status().phase().filter(p -> p == RolloutPhase.DEGRADED).isPresent()) {
      return FAILED;
    }
    if (rollout.status().phase().filter(p -> p == RolloutPhase.HEALTHY).isPresent()) {
      return HEALTHY;
    }
    return IN_PROGRESS;
  }
}
