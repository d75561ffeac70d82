package dev.ramp.controller.rollout;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.RolloutAnalysisRunStatus;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.api.rollout.RolloutStrategy;
import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.plan.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The changes worth telling people about, found by comparing the status as read with the status
 * planned. Because they are derived and not remembered, a plan repeated over an unchanged world
 * announces nothing, and a plan whose status write is lost announces again on the next reconcile
 * (the executor announces only after the status is written).
 */
final class Transitions {
  private Transitions() {}

  static List<Transition> between(RolloutStatus before, RolloutStatus after, Observation o) {
    List<Transition> out = new ArrayList<>();
    String name = o.rollout().getMetadata().getName();
    Optional<RolloutStrategy> strategy = Optional.ofNullable(o.rollout().spec()).map(RolloutSpec::strategy);
    List<CanaryStep> steps = strategy.flatMap(RolloutStrategy::canary).map(c -> c.steps()).orElse(List.of());
    boolean blueGreen = strategy.map(RolloutStrategy::isBlueGreen).orElse(false);
    String hash = after.currentPodHash().orElse("");
    boolean sameRevision = before.currentPodHash().equals(after.currentPodHash());

    if (condition(after, RolloutCondition.INVALID_SPEC).isPresent()
        && !condition(after, RolloutCondition.INVALID_SPEC).equals(condition(before, RolloutCondition.INVALID_SPEC))) {
      out.add(Transition.warning("InvalidSpec",
          "Invalid spec: " + condition(after, RolloutCondition.INVALID_SPEC).get()));
    }
    if (before.currentPodHash().isPresent() && !sameRevision) {
      out.add(Transition.normal("RolloutUpdated", after.stableRS().equals(after.currentPodHash())
          ? "Pod template is back at the stable revision " + name + "-" + hash + ": rolling back without steps"
          : "New revision " + name + "-" + hash + ": update started"));
    }
    if (sameRevision && before.abortedAt().isPresent() && after.abortedAt().isEmpty() && !after.abort()
        && !after.stableRS().equals(after.currentPodHash())) {
      out.add(Transition.normal("RolloutRetried", "Rollout retried: steps start again from step 1"));
    }
    for (Slot slot : SLOTS) {
      verdict(out, before, after, o, slot);
    }
    boolean freshAbort = before.abortedAt().isEmpty() && after.abortedAt().isPresent();
    boolean wasPaused = isTrue(before, RolloutCondition.PAUSED);
    boolean isPaused = isTrue(after, RolloutCondition.PAUSED);
    if (wasPaused && !isPaused && !freshAbort && sameRevision) {
      out.add(Transition.normal("RolloutResumed", "Rollout resumed"));
    }
    if (sameRevision && before.currentStepHash().equals(after.currentStepHash()) && !after.promoteFull()) {
      int from = before.currentStepIndex().orElse(steps.size());
      int to = after.currentStepIndex().orElse(from);
      for (int i = from; i < to && i < steps.size(); i++) {
        out.add(Transition.normal("StepCompleted",
            "Step " + (i + 1) + "/" + steps.size() + " completed: " + CanarySteps.describe(steps.get(i))));
      }
    }
    for (Slot slot : SLOTS) {
      started(out, before, after, slot);
    }

    if (!wasPaused && isPaused) {
      out.add(Transition.normal("RolloutPaused", "Rollout paused: " + condition(after, RolloutCondition.PAUSED).get()));
    }
    if (blueGreen) {
      if (before.blueGreen().activeSelector().isPresent()
          && !before.blueGreen().activeSelector().equals(after.blueGreen().activeSelector())
          && after.blueGreen().activeSelector().equals(after.currentPodHash())) {
        out.add(Transition.normal("RolloutPromoted",
            "Active Service switched to the new revision " + name + "-" + hash));
      }
    } else if (before.stableRS().isPresent() && !before.stableRS().equals(after.stableRS())
        && after.stableRS().equals(after.currentPodHash())) {
      out.add(Transition.normal("RolloutPromoted", "Revision " + name + "-" + hash + " promoted to stable"));
    }
    if (freshAbort) {
      out.add(Transition.warning("RolloutAborted", after.message().orElse("Rollout aborted")));
    }
    Optional<String> deadline = after.condition(RolloutCondition.PROGRESSING)
        .filter(c -> c.reason().equals(Optional.of(RolloutConditions.PROGRESS_DEADLINE_EXCEEDED)))
        .flatMap(RolloutCondition::message);
    boolean deadlineBefore = before.condition(RolloutCondition.PROGRESSING)
        .filter(c -> c.reason().equals(Optional.of(RolloutConditions.PROGRESS_DEADLINE_EXCEEDED))).isPresent();
    if (deadline.isPresent() && !deadlineBefore) {
      out.add(Transition.warning("ProgressDeadlineExceeded", deadline.get()));
    }
    if (isTrue(after, RolloutCondition.COMPLETED) && !isTrue(before, RolloutCondition.COMPLETED)) {
      out.add(Transition.normal("RolloutCompleted", "Rollout completed: " + name + "-" + hash
          + " is stable and all its " + after.updatedReplicas() + " pods are available"));
    }
    return out;
  }

  /** Where a status records an AnalysisRun, and what the run is for. */
  private record Slot(Function<RolloutStatus, Optional<RolloutAnalysisRunStatus>> run, String what) {}

  private static final List<Slot> SLOTS = List.of(
      new Slot(s -> s.canary().currentStepAnalysisRunStatus(), "step analysis"),
      new Slot(s -> s.canary().currentBackgroundAnalysisRunStatus(), "background analysis"),
      new Slot(s -> s.blueGreen().prePromotionAnalysisRunStatus(), "pre-promotion analysis"),
      new Slot(s -> s.blueGreen().postPromotionAnalysisRunStatus(), "post-promotion analysis"));

  /** A run started: the status names a run it did not name before. */
  private static void started(List<Transition> out, RolloutStatus before, RolloutStatus after, Slot slot) {
    Optional<RolloutAnalysisRunStatus> was = slot.run().apply(before);
    Optional<RolloutAnalysisRunStatus> now = slot.run().apply(after);
    if (now.isPresent() && !now.map(RolloutAnalysisRunStatus::name).equals(was.map(RolloutAnalysisRunStatus::name))) {
      out.add(Transition.normal("AnalysisRunStarted", "AnalysisRun " + now.get().name() + " started (" + slot.what()
          + ")"));
    }
  }

  /** A verdict: a run the status named unfinished has finished (even if the status names another one now). */
  private static void verdict(List<Transition> out, RolloutStatus before, RolloutStatus after, Observation o,
      Slot slot) {
    Optional<RolloutAnalysisRunStatus> was = slot.run().apply(before);
    if (was.isEmpty() || was.get().status().isCompleted()) {
      return;
    }
    String name = was.get().name();
    Optional<RolloutAnalysisRunStatus> finished = slot.run().apply(after).filter(r -> r.name().equals(name))
        .or(() -> AnalysisSteps.observed(o, name)
            .map(r -> new RolloutAnalysisRunStatus(r.name(), r.phase(), r.message())))
        .filter(r -> r.status().isCompleted());
    if (finished.isEmpty()) {
      return;
    }
    AnalysisPhase phase = finished.get().status();
    String message = AnalysisSteps.describe(finished.get()) + " (" + slot.what() + ")";
    switch (phase) {
      case SUCCESSFUL -> out.add(Transition.normal("AnalysisRunSuccessful", message));
      case INCONCLUSIVE -> out.add(Transition.warning("AnalysisRunInconclusive", message));
      default -> out.add(Transition.warning("AnalysisRunFailed", message));
    }
  }

  private static Optional<String> condition(RolloutStatus status, String type) {
    return status.condition(type).filter(RolloutCondition::isTrue).flatMap(RolloutCondition::message);
  }

  private static boolean isTrue(RolloutStatus status, String type) {
    return status.condition(type).map(RolloutCondition::isTrue).orElse(false);
  }
}
