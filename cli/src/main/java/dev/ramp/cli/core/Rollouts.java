package dev.ramp.cli.core;

import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.CanaryStepAction;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Pause;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.api.rollout.SetCanaryScale;
import dev.ramp.api.rollout.SetWeight;
import dev.ramp.api.rollout.TrafficWeights;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** What a Rollout's spec and status say, in the terms the plugin's commands and views use. */
public final class Rollouts {
  private Rollouts() {}

  public static String name(Rollout rollout) {
    return Optional.ofNullable(rollout.metadata().getName()).orElse("");
  }

  public static String namespace(Rollout rollout) {
    return Optional.ofNullable(rollout.metadata().getNamespace()).orElse("");
  }

  public static boolean isCanary(Rollout rollout) {
    return rollout.spec() != null && rollout.spec().strategy() != null && rollout.spec().strategy().isCanary();
  }

  public static boolean isBlueGreen(Rollout rollout) {
    return rollout.spec() != null && rollout.spec().strategy() != null && rollout.spec().strategy().isBlueGreen();
  }

  public static String strategyName(Rollout rollout) {
    if (isBlueGreen(rollout)) {
      return "BlueGreen";
    }
    return isCanary(rollout) ? "Canary" : "-";
  }

  public static List<CanaryStep> steps(Rollout rollout) {
    if (!isCanary(rollout)) {
      return List.of();
    }
    return rollout.spec().strategy().canary().map(CanaryStrategy::steps).orElse(List.of());
  }

  /** The index of the step in progress; the number of steps once all are done. */
  public static int stepIndex(Rollout rollout) {
    int index = rollout.status().currentStepIndex().orElse(0);
    return Math.max(0, Math.min(index, steps(rollout).size()));
  }

  /** {@code 3/6} for the step in progress (1-based); {@code 6/6} once all are done. */
  public static String stepLabel(Rollout rollout) {
    int steps = steps(rollout).size();
    return Math.min(stepIndex(rollout) + 1, steps) + "/" + steps;
  }

  public static boolean isPaused(Rollout rollout) {
    RolloutStatus status = rollout.status();
    return specPaused(rollout) || status.controllerPause() || !status.pauseConditions().isEmpty();
  }

  public static boolean specPaused(Rollout rollout) {
    return rollout.spec() != null && rollout.spec().paused();
  }

  /** Someone asked for an abort ({@code status.abort}); retry lifts it. */
  public static boolean isAborted(Rollout rollout) {
    return rollout.status().abort();
  }

  /** The controller has reported on this Rollout at least once. */
  public static boolean hasStatus(Rollout rollout) {
    return rollout.status().phase().isPresent();
  }

  /** The controller has seen the latest spec. */
  public static boolean specObserved(Rollout rollout) {
    Long generation = rollout.metadata().getGeneration();
    return generation == null || rollout.status().observedGeneration().orElse(0L) >= generation;
  }

  /**
   * A new revision is on its way in (or was, before an abort): the newest revision is not the
   * stable one. Without hashes in status, the phase says it.
   */
  public static boolean updateInProgress(Rollout rollout) {
    RolloutStatus status = rollout.status();
    if (status.currentPodHash().isPresent() && status.stableRS().isPresent()) {
      return !status.currentPodHash().equals(status.stableRS());
    }
    return status.phase().filter(p -> p == RolloutPhase.PROGRESSING || p == RolloutPhase.PAUSED).isPresent();
  }

  public static Optional<RolloutPhase> phase(Rollout rollout) {
    return rollout.status().phase();
  }

  /** The canary's and the stable's share of traffic, as last written to the router. */
  public static Optional<TrafficWeights> weights(Rollout rollout) {
    return rollout.status().canary().weights();
  }

  public static OptionalInt canaryWeight(Rollout rollout) {
    return weights(rollout).map(w -> OptionalInt.of(w.canary().weight())).orElse(OptionalInt.empty());
  }

  /** The setWeight in force at the current step: the last setWeight at or before it (0 before any). */
  public static int setWeight(Rollout rollout) {
    List<CanaryStep> steps = steps(rollout);
    int index = stepIndex(rollout);
    if (index >= steps.size()) {
      return 100;
    }
    int weight = 0;
    for (int i = 0; i <= index; i++) {
      weight = steps.get(i).setWeight().orElse(weight);
    }
    return weight;
  }

  /** The step as a person reads it: {@code setWeight 20}, {@code pause 2m}, {@code analysis success-rate}. */
  public static String describe(CanaryStep step) {
    CanaryStepAction action;
    try {
      action = step.action();
    } catch (IllegalStateException e) {
      return "(invalid step)";
    }
    if (action instanceof SetWeight w) {
      return "setWeight " + w.weight();
    }
    if (action instanceof Pause p) {
      return p.duration().map(d -> "pause " + (d.isInteger() ? d.getIntValue() + "s" : d.getStrValue()))
          .orElse("pause (until promoted)");
    }
    if (action instanceof SetCanaryScale s) {
      if (s.weight().isPresent()) {
        return "setCanaryScale " + s.weight().get() + "%";
      }
      return s.replicas().map(r -> "setCanaryScale " + r + " replicas").orElse("setCanaryScale matchTrafficWeight");
    }
    RolloutAnalysis analysis = (RolloutAnalysis) action;
    return "analysis " + analysis.templates().stream().map(t -> t.templateName()).collect(Collectors.joining(", "));
  }

  /** Replicas the Rollout asks for. */
  public static int desiredReplicas(Rollout rollout) {
    return Optional.ofNullable(rollout.spec()).map(RolloutSpec::replicas).orElse(RolloutSpec.DEFAULT_REPLICAS);
  }

  /** The Deployment named by {@code workloadRef}, when the Rollout takes its pods from one. */
  public static Optional<String> workloadName(Rollout rollout) {
    return Optional.ofNullable(rollout.spec()).flatMap(RolloutSpec::workloadRef).map(w -> w.name());
  }
}
