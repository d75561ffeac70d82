package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.CanaryStatus;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Observation;
import java.util.List;
import java.util.Optional;

/**
 * The status a reconcile builds on: the one read, reset where the
 * rollout starts over. A new pod template starts a fresh update (steps from the first, pauses, abort
 * and full promotion cleared: a new image after an abort is a new rollout, AR#2048); new steps
 * restart the steps; a retry (a person cleared {@code status.abort}) restarts them too.
 */
final class StatusResets {
  private StatusResets() {}

  static RolloutStatus base(Observation o, Revisions revs, Optional<String> stepsHash, Optional<String> selector) {
    RolloutStatus previous = o.rollout().status();
    boolean canary = o.rollout().spec().strategy().isCanary();
    RolloutStatus.Builder b = previous.toBuilder();
    boolean newRevision = !previous.currentPodHash().equals(Optional.of(revs.currentHash()));
    if (newRevision) {
      b.currentPodHash(revs.currentHash())
          .abort(false)
          .abortedAt(null)
          .pauseConditions(List.of())
          .controllerPause(false)
          .promoteFull(false)
          .currentStepIndex(canary ? 0 : null)
          .canary(CanaryStatus.EMPTY)
          .blueGreen(previous.blueGreen().withScaleUpPreviewCheckPoint(false)
              .withPrePromotionAnalysisRunStatus(null).withPostPromotionAnalysisRunStatus(null));
    } else {
      boolean stepsChanged = canary && previous.currentStepHash().isPresent()
          && !previous.currentStepHash().equals(stepsHash);
      boolean retried = !previous.abort() && previous.abortedAt().isPresent();
      if (stepsChanged || retried) {
        b.currentStepIndex(canary ? 0 : null)
            .pauseConditions(List.of())
            .controllerPause(false)
            .canary(previous.canary().withCurrentStepAnalysisRunStatus(null));
      }
      if (retried) {
        b.abortedAt(null)
            .canary(CanaryStatus.EMPTY)
            .blueGreen(previous.blueGreen().withScaleUpPreviewCheckPoint(false)
                .withPrePromotionAnalysisRunStatus(null).withPostPromotionAnalysisRunStatus(null));
      }
    }
    b.currentStepHash(stepsHash.orElse(null))
        .observedGeneration(o.rollout().getMetadata().getGeneration())
        .selector(selector.orElse(null));
    return AnalysisSteps.refreshAll(o, b.build());
  }
}
