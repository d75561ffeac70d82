package dev.ramp.cli.core;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Acknowledgement.SpecObserved;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import java.util.stream.Collectors;

/**
 * {@code kubectl ramp pause} and {@code resume}: a person's pause, {@code spec.paused}. It holds
 * the rollout where it is until resumed; pauses the controller makes (a pause step, an
 * inconclusive analysis) are lifted by {@code promote} instead.
 */
public final class PauseDecision {
  private PauseDecision() {}

  public static Decision pause(RolloutSnapshot snapshot) {
    if (Rollouts.specPaused(snapshot.rollout())) {
      return new AlreadyDone("rollout " + snapshot.name() + " is already paused; `kubectl ramp resume "
          + snapshot.name() + "` lets it go on");
    }
    return Write.spec(Patches.spec("paused", Patches.bool(true)), new SpecObserved());
  }

  public static Decision resume(RolloutSnapshot snapshot) {
    Rollout rollout = snapshot.rollout();
    String name = snapshot.name();
    if (!Rollouts.specPaused(rollout)) {
      if (!rollout.status().pauseConditions().isEmpty()) {
        String reasons = rollout.status().pauseConditions().stream().map(c -> c.reason().toString())
            .collect(Collectors.joining(", "));
        return new Refused("rollout " + name + " is not paused by a person: it waits at "
            + Messages.step(rollout, Rollouts.stepIndex(rollout)) + " (" + reasons + "); `kubectl ramp promote " + name
            + "` moves it on");
      }
      return new AlreadyDone("rollout " + name + " is not paused");
    }
    return Write.spec(Patches.spec("paused", Patches.bool(false)), new SpecObserved());
  }

  public static String pauseReport(RolloutSnapshot before, Rollout after) {
    if (Rollouts.updateInProgress(after)) {
      return "paused rollout " + before.name() + where(after);
    }
    return "paused rollout " + before.name() + " (" + Messages.state(before) + "): a new revision waits until `kubectl ramp resume "
        + before.name() + "`";
  }

  public static String resumeReport(RolloutSnapshot before, Rollout after) {
    return "resumed rollout " + before.name() + (Rollouts.updateInProgress(after) ? where(after) : "");
  }

  private static String where(Rollout rollout) {
    if (Rollouts.isCanary(rollout) && !Rollouts.steps(rollout).isEmpty()) {
      String weight = Rollouts.canaryWeight(rollout).isPresent()
          ? ", canary at " + Rollouts.canaryWeight(rollout).getAsInt() + "%" : "";
      return " at " + Messages.step(rollout, Rollouts.stepIndex(rollout)) + weight;
    }
    return "";
  }
}
