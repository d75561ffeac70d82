package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.CanaryTraffic.bothSides;
import static dev.ramp.controller.rollout.CanaryTraffic.canarySide;
import static dev.ramp.controller.rollout.CanaryTraffic.recordWeight;
import static dev.ramp.controller.rollout.CanaryTraffic.recordedWeight;
import static dev.ramp.controller.rollout.CanaryTraffic.routed;
import static dev.ramp.controller.rollout.CanaryTraffic.stableSide;

import dev.ramp.api.rollout.BackgroundAnalysis;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.RolloutAnalysisRunStatus;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.rollout.AnalysisSteps.Tracked;
import dev.ramp.controller.rollout.AnalysisSteps.Verdict;
import dev.ramp.controller.rollout.CanarySteps.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canary strategy. With a traffic router the stable ReplicaSet stays at full size, the canary
 * is scaled for its step and receives weight only once those pods are available; without one, the
 * weight is the canary's share of the pods ({@link CanaryByRatio}). Traffic moves before anything is
 * scaled down: on abort the weight goes to 0 first, on promotion the stable Service moves onto the
 * fully available canary before the weight returns to 0, and the old stable pods go only after
 * {@code scaleDownDelaySeconds}.
 */
final class CanaryPlanner implements StrategyPlanner {

  @Override
  public Draft plan(Context ctx) {
    Draft d = new Draft(ctx);
    CanaryStrategy canary = ctx.spec().strategy().canary().orElseThrow();
    Revisions revs = ctx.revisions();
    if (revs.currentIsStable()) {
      steady(ctx, d, canary);
    } else if (ctx.abort().isPresent()) {
      aborted(ctx, d, canary);
    } else if (ctx.spec().paused()) {
      // held where it is: nothing advances, nothing is written but the status; a failed analysis still aborts
      d.wantRecorded();
      AnalysisSteps.failure(d.status()).ifPresent(d::requestAbort);
    } else if (!revs.hasStable()) {
      firstDeploy(ctx, d, canary);
    } else {
      progress(ctx, d, canary);
    }
    return d;
  }

  /** No revision to compare with: no steps, straight to full size, stable once available. */
  private static void firstDeploy(Context ctx, Draft d, CanaryStrategy canary) {
    Revisions revs = ctx.revisions();
    String hash = revs.currentHash();
    int replicas = ctx.replicas();
    d.ensureCurrent(replicas);
    d.status(b -> b.currentStepIndex(canary.steps().size()));
    if (!revs.currentReadyAt(replicas)) {
      d.waitFor(Wait.PODS, podsMessage(revs.current(), revs.currentName(), replicas));
      return;
    }
    // Other revisions (an earlier template that never became available, or pods left by a lost
    // status) go only once the current one serves.
    revs.others().forEach(rs -> d.scale(rs, 0));
    if (routed(canary)) {
      d.setWeight(0);
    }
    d.pin(bothSides(canary, hash));
    d.status(b -> b.stableRS(hash));
    recordWeight(d, canary, 0, hash, hash);
  }

  /** No update under way (or the template went back to the stable revision): everything on stable. */
  private static void steady(Context ctx, Draft d, CanaryStrategy canary) {
    Revisions revs = ctx.revisions();
    ObservedReplicaSet stable = revs.stable().orElseThrow();
    String hash = revs.currentHash();
    int replicas = ctx.replicas();
    if (routed(canary)) {
      d.setWeight(0);
    }
    d.pin(bothSides(canary, hash));
    d.keep(stable);
    if (routed(canary)) {
      d.scale(stable, replicas);
      revs.others().forEach(rs -> ScaleDowns.retire(ctx, d, rs, canary.scaleDownDelaySeconds()));
    } else {
      CanaryByRatio.allToStable(ctx, d, canary);
    }
    d.status(b -> b.currentStepIndex(canary.steps().size()).pauseConditions(List.of()).controllerPause(false)
        .promoteFull(false).abortedAt(null));
    recordWeight(d, canary, 0, hash, hash);
    if (!revs.currentReadyAt(replicas)) {
      d.waitFor(Wait.PODS, podsMessage(revs.stable(), stable.name(), replicas));
    }
  }

  /** Weight to 0 first, the canary Service back on stable (AR#2316), then the canary scaled away. */
  private static void aborted(Context ctx, Draft d, CanaryStrategy canary) {
    AbortCause.mark(ctx, d);
    Revisions revs = ctx.revisions();
    ObservedReplicaSet stable = revs.stable().orElseThrow();
    String stableHash = stable.podTemplateHash();
    int replicas = ctx.replicas();
    if (routed(canary)) {
      d.setWeight(0);
    }
    d.pin(bothSides(canary, stableHash));
    d.keep(stable);
    if (routed(canary)) {
      d.scale(stable, replicas);
      revs.current().ifPresent(rs -> ScaleDowns.afterAbort(ctx, d, rs, canary.abortScaleDownDelaySeconds()));
      revs.others().forEach(rs -> ScaleDowns.retire(ctx, d, rs, canary.scaleDownDelaySeconds()));
    } else {
      CanaryByRatio.allToStable(ctx, d, canary);
    }
    recordWeight(d, canary, 0, revs.currentHash(), stableHash);
  }

  private static void progress(Context ctx, Draft d, CanaryStrategy canary) {
    Revisions revs = ctx.revisions();
    int replicas = ctx.replicas();
    int steps = canary.steps().size();
    boolean promoted = ctx.promoted();
    boolean frozen = false;
    Optional<RolloutAnalysisRunStatus> background = d.status().canary().currentBackgroundAnalysisRunStatus();
    if (canary.analysis().isPresent() && background.isPresent()) {
      Verdict verdict = Verdict.of(background.get().status());
      if (verdict == Verdict.FAILED) {
        d.requestAbort(new AbortCause("Rollout aborted: background " + AnalysisSteps.describe(background.get())));
        return;
      }
      if (verdict == Verdict.INCONCLUSIVE) {
        if (promoted) {
          // promoted past it: a fresh background run starts below
          Pauses.end(d, PauseReason.INCONCLUSIVE_ANALYSIS_RUN);
          d.status(b -> b.canary(d.status().canary().withCurrentBackgroundAnalysisRunStatus(null)));
          promoted = false;
        } else {
          frozen = true;
          d.want(background.get().name());
          Pauses.over(ctx, d, PauseReason.INCONCLUSIVE_ANALYSIS_RUN, Optional.empty(), false);
          d.waitFor(Wait.PAUSE, "background " + AnalysisSteps.describe(background.get())
              + "; promote to go on or abort");
        }
      }
    }
    CanarySteps.Readiness ready = routed(canary)
        ? (weight, scale) -> revs.currentReadyAt(CanarySteps.canaryReplicas(replicas, weight, scale))
        : (weight, scale) -> CanaryByRatio.reached(ctx, canary, weight);
    Position pos = CanarySteps.walk(ctx, d, canary, frozen, promoted, ready);
    if (d.abortRequest().isPresent()) {
      return;
    }
    String hash = revs.currentHash();
    String stableHash = revs.stable().orElseThrow().podTemplateHash();
    pos.reachedWeight().ifPresent(w -> recordWeight(d, canary, w, hash, stableHash));
    boolean complete = pos.index() >= steps;
    boolean promoting = complete && (routed(canary)
        ? revs.currentReadyAt(replicas)
        : CanaryByRatio.reached(ctx, canary, 100));
    if (!promoting && !frozen) {
      backgroundAnalysis(ctx, d, canary, pos);
    }
    if (routed(canary)) {
      routedProgress(ctx, d, canary, pos, promoting);
    } else {
      CanaryByRatio.progress(ctx, d, canary, pos.index() >= steps ? 100 : pos.weight(), promoting);
    }
  }

  private static void backgroundAnalysis(Context ctx, Draft d, CanaryStrategy canary, Position pos) {
    if (canary.analysis().isEmpty() || d.status().promoteFull()) {
      return;
    }
    BackgroundAnalysis analysis = canary.analysis().get();
    if (pos.index() < analysis.startingStepIndex()) {
      return;
    }
    Tracked run = AnalysisSteps.track(ctx, d, new AnalysisPurpose.Background(), analysis.toRolloutAnalysis(),
        d.status().canary().currentBackgroundAnalysisRunStatus());
    d.status(b -> b.canary(d.status().canary().withCurrentBackgroundAnalysisRunStatus(run.record())));
  }

  private static void routedProgress(Context ctx, Draft d, CanaryStrategy canary, Position pos, boolean promoting) {
    Revisions revs = ctx.revisions();
    ObservedReplicaSet stable = revs.stable().orElseThrow();
    String hash = revs.currentHash();
    int replicas = ctx.replicas();
    int steps = canary.steps().size();
    if (promoting) {
      d.pin(bothSides(canary, hash)); // the stable Service now selects the new, fully available pods...
      d.setWeight(0); // ...so the weight can return to the stable route without a request lost
      ScaleDowns.retire(ctx, d, stable, canary.scaleDownDelaySeconds());
      revs.others().forEach(rs -> ScaleDowns.retire(ctx, d, rs, canary.scaleDownDelaySeconds()));
      d.status(b -> b.stableRS(hash).currentStepIndex(steps).promoteFull(false));
      recordWeight(d, canary, 0, hash, hash);
      return;
    }
    int count = pos.index() >= steps ? replicas : CanarySteps.canaryReplicas(replicas, pos.weight(), pos.scale());
    int weight = recordedWeight(d);
    Map<String, String> canarySide = canarySide(canary, hash);
    if (!d.pinned(canarySide) && !d.weight().equals(Optional.of(0))) {
      d.setWeight(0); // traffic leaves an earlier canary before its Service is moved
    } else if (d.weight().map(w -> w > weight).orElse(true)) {
      d.setWeight(weight);
    }
    d.pin(stableSide(canary, stable.podTemplateHash()));
    if (revs.current().map(rs -> Revisions.readyAt(rs, Math.min(count, rs.desiredReplicas()))).orElse(count == 0)) {
      d.pin(canarySide); // no weight on it yet; a DestinationRule subset moves only onto available pods
    }
    d.ensureCurrent(count);
    d.keep(stable);
    d.scale(stable, replicas);
    if (d.pinned(canarySide)) {
      d.setWeight(weight);
    }
    revs.others().forEach(rs -> ScaleDowns.retire(ctx, d, rs, canary.scaleDownDelaySeconds()));
    if (!revs.currentReadyAt(count)) {
      d.waitFor(Wait.PODS, podsMessage(revs.current(), revs.currentName(), count));
    }
  }

  static String podsMessage(Optional<ObservedReplicaSet> rs, String name, int replicas) {
    int available = rs.map(ObservedReplicaSet::availableReplicas).orElse(0);
    return "waiting for ReplicaSet " + name + ": " + Math.min(available, replicas) + " of " + replicas
        + " pods available";
  }
}
