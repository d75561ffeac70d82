package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.BlueGreenStatus;
import dev.ramp.api.rollout.BlueGreenStrategy;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.api.rollout.RolloutAnalysisRunStatus;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.rollout.AnalysisSteps.Tracked;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The blue-green strategy: the new revision comes up beside the active one (at {@code
 * previewReplicaCount}), the preview Service is pinned to it once available, pre-promotion analysis
 * and the promotion pause follow, then it is scaled to full size and, once fully available, the
 * active Service is switched to it. Post-promotion analysis judges it while the old revision still
 * runs at full size: a failure switches the active Service back (FL#1898). The old revision is
 * scaled down {@code scaleDownDelaySeconds} after the switch is final.
 */
final class BlueGreenPlanner implements StrategyPlanner {

  @Override
  public Draft plan(Context ctx) {
    Draft d = new Draft(ctx);
    BlueGreenStrategy blueGreen = ctx.spec().strategy().blueGreen().orElseThrow();
    Revisions revs = ctx.revisions();
    if (revs.currentIsStable()) {
      steady(ctx, d, blueGreen);
    } else if (ctx.abort().isPresent()) {
      aborted(ctx, d, blueGreen);
    } else if (ctx.spec().paused()) {
      d.wantRecorded();
      AnalysisSteps.failure(d.status()).ifPresent(d::requestAbort);
    } else if (!revs.hasStable()) {
      firstDeploy(ctx, d, blueGreen);
    } else {
      progress(ctx, d, blueGreen);
    }
    return d;
  }

  /** Nothing to switch from: the active Service selects the first revision at once. */
  private static void firstDeploy(Context ctx, Draft d, BlueGreenStrategy blueGreen) {
    Revisions revs = ctx.revisions();
    String hash = revs.currentHash();
    int replicas = ctx.replicas();
    d.ensureCurrent(replicas);
    d.pin(services(blueGreen, hash, hash));
    d.status(b -> b.blueGreen(d.status().blueGreen().withActiveSelector(hash).withPreviewSelector(hash)));
    if (revs.currentReadyAt(replicas)) {
      revs.others().forEach(rs -> d.scale(rs, 0));
      d.status(b -> b.stableRS(hash));
    } else {
      d.waitFor(Wait.PODS, CanaryPlanner.podsMessage(revs.current(), revs.currentName(), replicas));
    }
  }

  private static void steady(Context ctx, Draft d, BlueGreenStrategy blueGreen) {
    allOnStable(ctx, d, blueGreen);
    d.status(b -> b.pauseConditions(List.of()).controllerPause(false).promoteFull(false).abortedAt(null));
    Revisions revs = ctx.revisions();
    if (!revs.currentReadyAt(ctx.replicas())) {
      d.waitFor(Wait.PODS, CanaryPlanner.podsMessage(revs.stable(), revs.currentName(), ctx.replicas()));
    }
  }

  /** The active (and preview) Service back on the stable revision first; the new one goes after its delay. */
  private static void aborted(Context ctx, Draft d, BlueGreenStrategy blueGreen) {
    AbortCause.mark(ctx, d);
    allOnStable(ctx, d, blueGreen);
    ctx.revisions().current()
        .ifPresent(rs -> ScaleDowns.afterAbort(ctx, d, rs, blueGreen.abortScaleDownDelaySeconds()));
  }

  /** Both Services on the stable revision, which is kept at full size; older revisions retired. */
  private static void allOnStable(Context ctx, Draft d, BlueGreenStrategy blueGreen) {
    Revisions revs = ctx.revisions();
    ObservedReplicaSet stable = revs.stable().orElseThrow();
    String hash = stable.podTemplateHash();
    d.pin(services(blueGreen, hash, hash));
    d.keep(stable);
    d.scale(stable, ctx.replicas());
    revs.others().forEach(rs -> ScaleDowns.retire(ctx, d, rs, blueGreen.scaleDownDelaySeconds()));
    d.status(b -> b.blueGreen(d.status().blueGreen().withActiveSelector(hash).withPreviewSelector(hash)
        .withScaleUpPreviewCheckPoint(false)));
  }

  private static void progress(Context ctx, Draft d, BlueGreenStrategy blueGreen) {
    Revisions revs = ctx.revisions();
    ObservedReplicaSet stable = revs.stable().orElseThrow();
    String hash = revs.currentHash();
    int replicas = ctx.replicas();
    if (d.status().promoteFull()) {
      Pauses.endAll(d); // promote --full: no pause, no analysis, straight to full size and the switch
    }
    boolean promotedUp = d.status().blueGreen().scaleUpPreviewCheckPoint() || d.status().promoteFull();
    int size = promotedUp ? replicas : Math.min(replicas, blueGreen.previewReplicaCount().orElse(replicas));
    boolean switched = d.status().blueGreen().activeSelector().equals(Optional.of(hash));
    d.pin(active(blueGreen, switched ? hash : stable.podTemplateHash()));
    if (revs.currentReadyAt(size)) {
      d.pin(preview(blueGreen, hash));
      d.status(b -> b.blueGreen(d.status().blueGreen().withPreviewSelector(hash)));
    }
    d.ensureCurrent(size);
    d.keep(stable);
    d.scale(stable, replicas);
    revs.others().forEach(rs -> ScaleDowns.retire(ctx, d, rs, blueGreen.scaleDownDelaySeconds()));
    if (!revs.currentReadyAt(size)) {
      d.waitFor(Wait.PODS, CanaryPlanner.podsMessage(revs.current(), revs.currentName(), size));
      d.wantRecorded();
      return;
    }
    boolean promoted = ctx.promoted() || d.status().promoteFull();
    if (!promotedUp) {
      if (!analysisPassed(ctx, d, blueGreen.prePromotionAnalysis(), new AnalysisPurpose.PrePromotion(), promoted,
          s -> s.prePromotionAnalysisRunStatus(), "pre-promotion")) {
        return;
      }
      if (!promotionPauseOver(ctx, d, blueGreen, promoted)) {
        return;
      }
      Pauses.endAll(d);
      d.status(b -> b.blueGreen(d.status().blueGreen().withScaleUpPreviewCheckPoint(true)));
      if (size < replicas) {
        d.ensureCurrent(replicas);
        d.waitFor(Wait.PODS, CanaryPlanner.podsMessage(revs.current(), revs.currentName(), replicas));
        return;
      }
    }
    if (!switched) {
      d.pin(active(blueGreen, hash)); // the switch: all traffic to the new, fully available revision
      d.status(b -> b.blueGreen(d.status().blueGreen().withActiveSelector(hash)));
    }
    if (!analysisPassed(ctx, d, blueGreen.postPromotionAnalysis(), new AnalysisPurpose.PostPromotion(), promoted,
        s -> s.postPromotionAnalysisRunStatus(), "post-promotion")) {
      return;
    }
    Pauses.endAll(d);
    ScaleDowns.retire(ctx, d, stable, blueGreen.scaleDownDelaySeconds());
    d.status(b -> b.stableRS(hash).promoteFull(false)
        .blueGreen(d.status().blueGreen().withScaleUpPreviewCheckPoint(false)));
  }

  /**
   * Runs a pre- or post-promotion analysis, if the strategy has one; true once it passed (or a person
   * promoted past an inconclusive verdict). Failed or Error aborts; Inconclusive pauses.
   */
  private static boolean analysisPassed(Context ctx, Draft d, Optional<RolloutAnalysis> analysis,
      AnalysisPurpose purpose, boolean promoted,
      Function<BlueGreenStatus, Optional<RolloutAnalysisRunStatus>> slot, String what) {
    if (analysis.isEmpty() || d.status().promoteFull()) {
      return true;
    }
    Optional<RolloutAnalysisRunStatus> recorded = slot.apply(d.status().blueGreen());
    if (promoted && recorded.map(r -> AnalysisSteps.Verdict.of(r.status()) == AnalysisSteps.Verdict.INCONCLUSIVE)
        .orElse(false)) {
      Pauses.end(d, PauseReason.INCONCLUSIVE_ANALYSIS_RUN);
      return true;
    }
    Tracked run = AnalysisSteps.track(ctx, d, purpose, analysis.get(), recorded);
    d.status(b -> b.blueGreen(purpose instanceof AnalysisPurpose.PrePromotion
        ? d.status().blueGreen().withPrePromotionAnalysisRunStatus(run.record())
        : d.status().blueGreen().withPostPromotionAnalysisRunStatus(run.record())));
    switch (run.verdict()) {
      case SUCCESSFUL:
        return true;
      case RUNNING:
        d.waitFor(Wait.ANALYSIS, "waiting for " + what + " AnalysisRun " + run.record().name());
        return false;
      case INCONCLUSIVE:
        Pauses.over(ctx, d, PauseReason.INCONCLUSIVE_ANALYSIS_RUN, Optional.empty(), false);
        d.waitFor(Wait.PAUSE, what + " " + AnalysisSteps.describe(run.record()) + "; promote to go on or abort");
        return false;
      default:
        d.requestAbort(new AbortCause("Rollout aborted: " + what + " " + AnalysisSteps.describe(run.record())));
        return false;
    }
  }

  /**
   * The pause before the switch: until promoted when {@code autoPromotionEnabled} is false, else for
   * {@code autoPromotionSeconds} when set, else none.
   */
  private static boolean promotionPauseOver(Context ctx, Draft d, BlueGreenStrategy blueGreen, boolean promoted) {
    Optional<Duration> duration;
    if (!blueGreen.autoPromotionEnabled()) {
      duration = Optional.empty();
    } else if (blueGreen.autoPromotionSeconds() > 0) {
      duration = Optional.of(Duration.ofSeconds(blueGreen.autoPromotionSeconds()));
    } else {
      return true;
    }
    if (Pauses.over(ctx, d, PauseReason.BLUE_GREEN_PAUSE, duration, promoted)) {
      return true;
    }
    d.waitFor(Wait.PAUSE, duration.map(t -> "waiting " + t.toSeconds() + "s before switching the active Service")
        .orElse("waiting for promotion before switching the active Service"));
    return false;
  }

  private static Map<String, String> services(BlueGreenStrategy blueGreen, String activeHash, String previewHash) {
    Map<String, String> pins = new LinkedHashMap<>(active(blueGreen, activeHash));
    pins.putAll(preview(blueGreen, previewHash));
    return pins;
  }

  private static Map<String, String> active(BlueGreenStrategy blueGreen, String hash) {
    return Map.of(blueGreen.activeService(), hash);
  }

  private static Map<String, String> preview(BlueGreenStrategy blueGreen, String hash) {
    return blueGreen.previewService().map(s -> Map.of(s, hash)).orElse(Map.of());
  }
}
