package dev.ramp.cli.core;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Acknowledgement.AbortLifted;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;

/**
 * {@code kubectl ramp retry}: lifts an abort ({@code status.abort=false}); the controller starts the
 * aborted revision's update again from its first step.
 */
public final class RetryDecision {
  private RetryDecision() {}

  public static Decision decide(RolloutSnapshot snapshot) {
    Rollout rollout = snapshot.rollout();
    String name = snapshot.name();
    if (!Rollouts.hasStatus(rollout)) {
      return new Refused(Messages.noStatus(rollout));
    }
    if (!Rollouts.isAborted(rollout)) {
      if (rollout.status().abortedAt().isPresent()) {
        // Retried already; the controller has not taken it up yet.
        return Write.awaitOnly(new AbortLifted());
      }
      return new Refused("rollout " + name + " is not aborted: nothing to retry (" + Messages.state(snapshot) + ")");
    }
    return Write.status(Patches.status("abort", Patches.bool(false)), new AbortLifted());
  }

  public static String report(RolloutSnapshot before, Rollout after) {
    String revision = Messages.revision(before.currentRevision());
    if (Rollouts.isCanary(after) && !Rollouts.steps(after).isEmpty()) {
      // The controller starts the steps again from the first; steps already met (a weight the canary has)
      // complete at once, so the acknowledged step may be further on.
      return "retrying rollout " + before.name() + ": " + revision + " starts its steps again, now at "
          + Messages.step(after, Rollouts.stepIndex(after));
    }
    return "retrying rollout " + before.name() + ": " + revision + " is rolling out again";
  }
}
