package dev.ramp.cli.core;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Acknowledgement.AbortCarriedOut;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import java.util.OptionalInt;

/**
 * {@code kubectl ramp abort}: {@code status.abort=true}; the controller moves all traffic back to
 * the stable revision and records {@code status.abortedAt}. Only an update in progress can be
 * aborted: on a Healthy rollout there is nothing to go back to.
 */
public final class AbortDecision {
  private AbortDecision() {}

  public static Decision decide(RolloutSnapshot snapshot) {
    Rollout rollout = snapshot.rollout();
    String name = snapshot.name();
    if (!Rollouts.hasStatus(rollout)) {
      return new Refused(Messages.noStatus(rollout));
    }
    if (Rollouts.isAborted(rollout)) {
      if (rollout.status().abortedAt().isPresent()) {
        return new AlreadyDone("rollout " + name + " is already aborted (since " + rollout.status().abortedAt().get()
            + "); `kubectl ramp retry " + name + "` starts the update again");
      }
      return Decision.Write.awaitOnly(new AbortCarriedOut());
    }
    if (!Rollouts.updateInProgress(rollout)) {
      return new Refused("nothing to abort: rollout " + name + " has no update in progress (" + Messages.state(snapshot)
          + ")");
    }
    return Write.status(Patches.status("abort", Patches.bool(true)), new AbortCarriedOut());
  }

  public static String report(RolloutSnapshot before, Rollout after) {
    String stable = Messages.revision(before.stableRevision());
    OptionalInt canary = Rollouts.canaryWeight(after);
    if (canary.isPresent() && canary.getAsInt() > 0) {
      return "aborted rollout " + before.name() + ": moving traffic back to stable (" + stable + "), canary still at "
          + canary.getAsInt() + "%";
    }
    return "aborted rollout " + before.name() + ": traffic back on stable (" + stable + ")";
  }
}
