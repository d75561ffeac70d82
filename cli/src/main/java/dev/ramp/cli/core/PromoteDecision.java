package dev.ramp.cli.core;

import dev.ramp.api.rollout.PauseCondition;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.cli.core.Acknowledgement.ActiveSwitched;
import dev.ramp.cli.core.Acknowledgement.AnyOf;
import dev.ramp.cli.core.Acknowledgement.SpecObserved;
import dev.ramp.cli.core.Acknowledgement.StatusChanged;
import dev.ramp.cli.core.Acknowledgement.StepAdvanced;
import dev.ramp.cli.core.Acknowledgement.Unpaused;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code kubectl ramp promote [--full]}, as Argo Rollouts does it: a paused rollout is unpaused
 * ({@code spec.paused=false}, {@code status.pauseConditions} cleared: the controller then moves
 * on); a canary that is not paused skips its current step (an analysis it waits on, or a weight
 * whose pods are not ready yet) by advancing {@code status.currentStepIndex}; {@code --full} sets
 * {@code status.promoteFull}, skipping every remaining step, pause and analysis.
 */
public final class PromoteDecision {
  private PromoteDecision() {}

  public static Decision decide(RolloutSnapshot snapshot, boolean full) {
    Rollout rollout = snapshot.rollout();
    RolloutStatus status = rollout.status();
    String name = snapshot.name();
    if (!Rollouts.hasStatus(rollout)) {
      return new Refused(Messages.noStatus(rollout));
    }
    if (Rollouts.isAborted(rollout)) {
      return new Refused("rollout " + name + " is aborted: there is nothing to promote. `kubectl ramp retry " + name
          + "` starts the update again");
    }
    Optional<com.google.gson.JsonObject> unpause = Rollouts.specPaused(rollout)
        ? Optional.of(Patches.spec("paused", Patches.bool(false))) : Optional.empty();
    if (!Rollouts.updateInProgress(rollout)) {
      if (unpause.isPresent()) {
        return new Write(unpause, Optional.empty(), new SpecObserved());
      }
      return new Refused("nothing to promote: rollout " + name + " has no update in progress ("
          + Messages.state(snapshot) + ")");
    }
    if (full) {
      if (status.promoteFull()) {
        return new AlreadyDone("rollout " + name + " is already being promoted fully");
      }
      return new Write(unpause, Optional.of(Patches.status("promoteFull", Patches.bool(true))),
          new StatusChanged());
    }
    boolean paused = Rollouts.isPaused(rollout);
    Optional<com.google.gson.JsonObject> clearConditions = status.pauseConditions().isEmpty()
        ? Optional.empty() : Optional.of(Patches.status("pauseConditions", Patches.remove()));
    if (Rollouts.isBlueGreen(rollout)) {
      if (!paused) {
        return new Refused("nothing to promote: blue-green rollout " + name + " is not paused ("
            + Messages.state(snapshot) + "); `kubectl ramp promote --full " + name
            + "` switches the active service to the new revision now");
      }
      return new Write(unpause, clearConditions, new AnyOf(List.of(new ActiveSwitched(), new Unpaused())));
    }
    int index = Rollouts.stepIndex(rollout);
    int steps = Rollouts.steps(rollout).size();
    if (paused) {
      if (unpause.isEmpty() && clearConditions.isEmpty()) {
        // Paused by the controller with no condition left: someone promoted already, the controller moves on.
        return Write.awaitOnly(new AnyOf(List.of(new StepAdvanced(index), new Unpaused())));
      }
      return new Write(unpause, clearConditions, new AnyOf(List.of(new StepAdvanced(index), new Unpaused())));
    }
    if (index >= steps) {
      return new Refused("nothing to promote: rollout " + name + " has done all its steps (" + steps + "/" + steps
          + ") and is finishing; `kubectl ramp promote --full " + name + "` skips the rest of the wait");
    }
    return Write.status(Patches.status("currentStepIndex", Patches.number(index + 1)), new StatusChanged());
  }

  /** What happened, from the Rollout before the command and after the controller's acknowledgement. */
  public static String report(RolloutSnapshot before, Rollout after, boolean full) {
    Rollout rollout = before.rollout();
    String name = before.name();
    String revision = Messages.revision(before.currentRevision());
    if (!Rollouts.updateInProgress(rollout)) {
      return "resumed rollout " + name + " (it was paused; " + Messages.state(before) + ")";
    }
    if (Rollouts.isBlueGreen(rollout)) {
      if (full) {
        return "promoted rollout " + name + " fully: " + revision + " takes the active service, analyses skipped";
      }
      boolean switched = after.status().currentPodHash().isPresent()
          && after.status().blueGreen().activeSelector().equals(after.status().currentPodHash());
      return switched
          ? "promoted rollout " + name + ": " + revision + " is active"
          : "promoted rollout " + name + ": switching the active service to " + revision;
    }
    int from = Rollouts.stepIndex(rollout);
    int steps = Rollouts.steps(rollout).size();
    if (full) {
      return "promoted rollout " + name + " fully from " + Messages.step(rollout, from)
          + ": remaining steps, pauses and analyses skipped, " + revision + " becomes stable";
    }
    int to = Rollouts.stepIndex(after);
    String reason = pauseReasons(rollout.status().pauseConditions());
    if (to >= steps) {
      return "promoted rollout " + name + " from " + Messages.step(rollout, from) + reason + " past its last step: "
          + revision + " becomes stable";
    }
    if (to == from) {
      return "promoted rollout " + name + reason + ": it goes on at " + Messages.step(after, to);
    }
    return "promoted rollout " + name + " from " + Messages.step(rollout, from) + " to " + Messages.step(after, to)
        + reason;
  }

  private static String pauseReasons(List<PauseCondition> conditions) {
    if (conditions.isEmpty()) {
      return "";
    }
    return " (was paused: " + conditions.stream().map(c -> c.reason().toString()).collect(Collectors.joining(", "))
        + ")";
  }
}
