package dev.ramp.cli.core;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutPhase;
import java.util.List;

/**
 * What shows, in a Rollout's status, that the controller has taken a write into account. Checked
 * against the Rollout as our write left it ({@code written}) and as it is now.
 *
 * <p>A status the controller changed after our write counts as its answer: it writes with the
 * resourceVersion it read, so a status it computed before our write would have been refused (409).
 */
public sealed interface Acknowledgement {

  boolean isMet(Rollout written, Rollout now);

  /** What the plugin waits for, to finish "waiting for the controller to ...". */
  String waitingFor();

  /** Nothing to wait for. */
  record Immediate() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return true;
    }

    @Override
    public String waitingFor() {
      return "nothing";
    }
  }

  /** The controller has seen the spec we wrote: {@code status.observedGeneration} caught up. */
  record SpecObserved() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      Long generation = written.metadata().getGeneration();
      return generation == null || now.status().observedGeneration().orElse(0L) >= generation;
    }

    @Override
    public String waitingFor() {
      return "observe the new spec (status.observedGeneration)";
    }
  }

  /** The controller moved past the step at {@code fromIndex}. */
  record StepAdvanced(int fromIndex) implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return now.status().currentStepIndex().orElse(0) > fromIndex;
    }

    @Override
    public String waitingFor() {
      return "move past step " + (fromIndex + 1);
    }
  }

  /** The controller carried out an abort: it set {@code status.abortedAt}. */
  record AbortCarriedOut() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return now.status().abortedAt().isPresent();
    }

    @Override
    public String waitingFor() {
      return "carry out the abort (status.abortedAt)";
    }
  }

  /** The controller took up the update again after a retry: no longer aborted nor Degraded for it. */
  record AbortLifted() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return !now.status().abort()
          && (now.status().abortedAt().isEmpty() || now.status().phase().filter(p -> p != RolloutPhase.DEGRADED).isPresent());
    }

    @Override
    public String waitingFor() {
      return "start the update again";
    }
  }

  /** The controller wrote a status after ours, and the rollout no longer waits in Paused. */
  record Unpaused() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return !now.status().equals(written.status())
          && now.status().phase().filter(p -> p != RolloutPhase.PAUSED).isPresent();
    }

    @Override
    public String waitingFor() {
      return "resume the rollout";
    }
  }

  /** The controller wrote a status after ours. */
  record StatusChanged() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return !now.status().equals(written.status());
    }

    @Override
    public String waitingFor() {
      return "act on it (a status update)";
    }
  }

  /** The blue-green active Service selects the newest revision. */
  record ActiveSwitched() implements Acknowledgement {
    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return now.status().currentPodHash().isPresent()
          && now.status().blueGreen().activeSelector().equals(now.status().currentPodHash());
    }

    @Override
    public String waitingFor() {
      return "switch the active service to the new revision";
    }
  }

  /** Any of these. */
  record AnyOf(List<Acknowledgement> options) implements Acknowledgement {
    public AnyOf {
      options = List.copyOf(options);
    }

    @Override
    public boolean isMet(Rollout written, Rollout now) {
      return options.stream().anyMatch(o -> o.isMet(written, now));
    }

    @Override
    public String waitingFor() {
      return options.get(0).waitingFor();
    }
  }
}
