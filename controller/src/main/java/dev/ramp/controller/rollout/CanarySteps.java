package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.CanaryStepAction;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Pause;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.api.rollout.SetCanaryScale;
import dev.ramp.api.rollout.SetWeight;
import dev.ramp.api.value.Durations;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.rollout.AnalysisSteps.Tracked;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks a canary's steps from {@code status.currentStepIndex} as far as the observed world allows in
 * this reconcile: a {@code setWeight} or {@code setCanaryScale} step is done once its pods are there
 * and available, a {@code pause} once its time has passed or a person promoted, an {@code analysis}
 * once its run succeeded. The index it stops at, the pause conditions and the step's AnalysisRun go
 * into the status; nothing else is decided here.
 */
final class CanarySteps {

  /**
   * Where the walk stopped.
   *
   * @param index the step waited on, or the number of steps when all are done
   * @param weight the traffic weight that step works toward (the last {@code setWeight} up to it)
   * @param scale the {@code setCanaryScale} in force, if any
   * @param reachedWeight the weight of the last {@code setWeight} step completed by this walk
   */
  record Position(int index, int weight, Optional<SetCanaryScale> scale, Optional<Integer> reachedWeight) {}

  /** Whether the pods a weight (and canary scale) asks for are there and available. */
  interface Readiness {
    boolean reached(int weight, Optional<SetCanaryScale> scale);
  }

  private CanarySteps() {}

  /**
   * @param frozen an inconclusive background analysis holds the rollout: no step completes
   * @param promoted a person promoted: the first pause or inconclusive analysis met is passed
   */
  static Position walk(Context ctx, Draft d, CanaryStrategy canary, boolean frozen, boolean promoted,
      Readiness ready) {
    List<CanaryStep> steps = canary.steps();
    int n = steps.size();
    if (d.status().promoteFull()) {
      Pauses.endAll(d);
      d.status(b -> b.currentStepIndex(n));
      return new Position(n, weightBefore(steps, n), Optional.empty(), Optional.empty());
    }
    int i = Math.min(Math.max(0, d.status().currentStepIndex().orElse(0)), n);
    int weight = weightBefore(steps, i);
    Optional<SetCanaryScale> scale = scaleBefore(steps, i);
    Optional<Integer> reached = Optional.empty();
    while (i < n) {
      CanaryStepAction action = steps.get(i).action();
      if (action instanceof SetWeight setWeight) {
        weight = setWeight.weight();
      } else if (action instanceof SetCanaryScale setScale) {
        scale = setScale.matchTrafficWeight().orElse(false) ? Optional.empty() : Optional.of(setScale);
      }
      if (frozen) {
        d.status().canary().currentStepAnalysisRunStatus().ifPresent(run -> d.want(run.name()));
        break;
      }
      boolean done;
      if (action instanceof SetWeight) {
        done = ready.reached(weight, scale);
        if (done) {
          reached = Optional.of(weight);
        }
      } else if (action instanceof SetCanaryScale) {
        done = ready.reached(weight, scale);
      } else if (action instanceof Pause pause) {
        done = Pauses.over(ctx, d, PauseReason.CANARY_PAUSE_STEP, pause.parsedDuration(), promoted);
        promoted = false;
        if (!done) {
          d.waitFor(Wait.PAUSE, "paused at step " + (i + 1) + "/" + n + pauseHint(pause));
        }
      } else {
        done = analysisDone(ctx, d, i, n, (RolloutAnalysis) action, promoted);
        promoted = false;
      }
      if (!done) {
        break;
      }
      i++;
    }
    int index = i;
    d.status(b -> b.currentStepIndex(index));
    return new Position(index, weight, scale, reached);
  }

  private static boolean analysisDone(Context ctx, Draft d, int i, int n, RolloutAnalysis analysis, boolean promoted) {
    if (promoted) {
      // A person promoted past an inconclusive verdict (or skipped the step): a run still going is
      // no longer wanted and gets terminated (AR#3220).
      Pauses.end(d, PauseReason.INCONCLUSIVE_ANALYSIS_RUN);
      return true;
    }
    Tracked run = AnalysisSteps.track(ctx, d, new AnalysisPurpose.Step(i), analysis,
        d.status().canary().currentStepAnalysisRunStatus());
    d.status(b -> b.canary(d.status().canary().withCurrentStepAnalysisRunStatus(run.record())));
    String where = " (step " + (i + 1) + "/" + n + ")";
    switch (run.verdict()) {
      case SUCCESSFUL:
        return true;
      case RUNNING:
        d.waitFor(Wait.ANALYSIS, "waiting for AnalysisRun " + run.record().name() + where);
        return false;
      case INCONCLUSIVE:
        Pauses.over(ctx, d, PauseReason.INCONCLUSIVE_ANALYSIS_RUN, Optional.empty(), false);
        d.waitFor(Wait.PAUSE, AnalysisSteps.describe(run.record()) + where + "; promote to go on or abort");
        return false;
      default:
        d.requestAbort(new AbortCause("Rollout aborted: " + AnalysisSteps.describe(run.record()) + where));
        return false;
    }
  }

  /** Canary pods for a weight, or as {@code setCanaryScale} says. */
  static int canaryReplicas(int replicas, int weight, Optional<SetCanaryScale> scale) {
    if (scale.isPresent() && scale.get().replicas().isPresent()) {
      return Math.max(0, scale.get().replicas().get());
    }
    int percent = scale.flatMap(SetCanaryScale::weight).orElse(weight);
    return (int) ((replicas * (long) Math.max(0, percent) + 99) / 100);
  }

  /** The weight set by the last {@code setWeight} before step {@code index}; 0 when none. */
  static int weightBefore(List<CanaryStep> steps, int index) {
    int weight = 0;
    for (int i = 0; i < index && i < steps.size(); i++) {
      if (steps.get(i).setWeight().isPresent()) {
        weight = steps.get(i).setWeight().get();
      }
    }
    return weight;
  }

  private static Optional<SetCanaryScale> scaleBefore(List<CanaryStep> steps, int index) {
    Optional<SetCanaryScale> scale = Optional.empty();
    for (int i = 0; i < index && i < steps.size(); i++) {
      Optional<SetCanaryScale> s = steps.get(i).setCanaryScale();
      if (s.isPresent()) {
        scale = s.get().matchTrafficWeight().orElse(false) ? Optional.empty() : s;
      }
    }
    return scale;
  }

  private static String pauseHint(Pause pause) {
    return pause.parsedDuration().map(d -> " for " + Durations.formatCompact(d))
        .orElse(" until promoted (kubectl ramp promote)");
  }

  /** A step as people read it in "Step 2/6 completed: canary weight 20%". */
  static String describe(CanaryStep step) {
    CanaryStepAction action = step.action();
    if (action instanceof SetWeight w) {
      return "canary weight " + w.weight() + "%";
    }
    if (action instanceof Pause p) {
      return p.parsedDuration().map(d -> "pause " + Durations.formatCompact(d)).orElse("pause until promoted");
    }
    if (action instanceof SetCanaryScale s) {
      if (s.replicas().isPresent()) {
        return "canary scale " + s.replicas().get() + " pods";
      }
      return s.weight().map(w -> "canary scale " + w + "%").orElse("canary scale matches traffic weight");
    }
    RolloutAnalysis a = (RolloutAnalysis) action;
    return "analysis " + a.templates().stream().map(t -> t.templateName()).collect(Collectors.joining(", "));
  }
}
