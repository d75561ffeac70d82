package dev.ramp.cli.core;

import dev.ramp.api.rollout.Rollout;
import java.util.OptionalLong;

/** Phrases several decisions share, so that the plugin words the same state the same way. */
final class Messages {
  private Messages() {}

  static String noStatus(Rollout rollout) {
    return "rollout " + Rollouts.name(rollout) + " has no status yet: the controller has not reported on it"
        + " (is it running? `kubectl ramp version` looks for it)";
  }

  static String revision(OptionalLong revision) {
    return revision.isPresent() ? "revision " + revision.getAsLong() : "the stable revision";
  }

  /** {@code Healthy on revision 3}, or the phase alone when the revision is not known. */
  static String state(RolloutSnapshot snapshot) {
    String phase = Rollouts.phase(snapshot.rollout()).map(Object::toString).orElse("no status");
    OptionalLong revision = snapshot.currentRevision();
    return revision.isPresent() ? phase + " on revision " + revision.getAsLong() : phase;
  }

  static String step(Rollout rollout, int index) {
    int steps = Rollouts.steps(rollout).size();
    return "step " + Math.min(index + 1, steps) + "/" + steps;
  }
}
