package dev.ramp.controller.rollout;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.BlueGreenStatus;
import dev.ramp.api.rollout.CanaryStatus;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.api.rollout.RolloutAnalysisRunStatus;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.plan.ObservedAnalysisRun;
import dev.ramp.controller.plan.Observation;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which AnalysisRun serves an analysis of the current revision, starting it when there is none, and
 * what its phase means for the rollout. The run is the one the status records; failing that, an
 * unfinished one of the same purpose and revision (left by a reconcile whose status write was lost),
 * so a run is never started twice. Finished runs of an earlier attempt (before a retry) are never
 * taken up again.
 */
final class AnalysisSteps {

  /** What a run's phase means for the step or promotion it guards. */
  enum Verdict {
    RUNNING,
    SUCCESSFUL,
    INCONCLUSIVE,
    /** Failed or Error: abort. */
    FAILED;

    static Verdict of(AnalysisPhase phase) {
      return switch (phase) {
        case PENDING, RUNNING -> RUNNING;
        case SUCCESSFUL -> SUCCESSFUL;
        case INCONCLUSIVE -> INCONCLUSIVE;
        case FAILED, ERROR -> FAILED;
      };
    }
  }

  /** The run that serves the analysis, as the status records it, and its verdict. */
  record Tracked(RolloutAnalysisRunStatus record, Verdict verdict) {}

  private AnalysisSteps() {}

  static Tracked track(Context ctx, Draft d, AnalysisPurpose purpose, RolloutAnalysis analysis,
      Optional<RolloutAnalysisRunStatus> recorded) {
    String hash = ctx.revisions().currentHash();
    Optional<RolloutAnalysisRunStatus> existing = recorded
        .filter(r -> serves(ctx.observation(), r, purpose, hash))
        .or(() -> adopt(ctx.observation(), purpose, hash));
    RolloutAnalysisRunStatus record;
    if (existing.isPresent()) {
      record = refresh(ctx.observation(), existing.get());
    } else {
      String name = freeName(ctx, purpose, recorded);
      d.add(new Action.CreateAnalysisRun(name, purpose, analysis, hash, ctx.revisions().stableHashOrCurrent()));
      record = RolloutAnalysisRunStatus.of(name, AnalysisPhase.PENDING, null);
    }
    d.want(record.name());
    return new Tracked(record, Verdict.of(record.status()));
  }

  /**
   * A run the status refers to that failed, as the cause of an abort: a rollout held by {@code
   * spec.paused} still aborts on a failed analysis.
   */
  static Optional<AbortCause> failure(RolloutStatus status) {
    return Stream.of(
            status.canary().currentStepAnalysisRunStatus().map(r -> Map.entry("step ", r)),
            status.canary().currentBackgroundAnalysisRunStatus().map(r -> Map.entry("background ", r)),
            status.blueGreen().prePromotionAnalysisRunStatus().map(r -> Map.entry("pre-promotion ", r)),
            status.blueGreen().postPromotionAnalysisRunStatus().map(r -> Map.entry("post-promotion ", r)))
        .flatMap(Optional::stream)
        .filter(e -> Verdict.of(e.getValue().status()) == Verdict.FAILED)
        .findFirst()
        .map(e -> new AbortCause("Rollout aborted: " + e.getKey() + describe(e.getValue())));
  }

  /** "AnalysisRun web-6c8f-step-2 Failed: <the run's message>". */
  static String describe(RolloutAnalysisRunStatus run) {
    return "AnalysisRun " + run.name() + " " + run.status().wireName() + run.message().map(m -> ": " + m).orElse("");
  }

  /** The status with every recorded run's phase and message as observed now. */
  static RolloutStatus refreshAll(Observation o, RolloutStatus status) {
    CanaryStatus canary = status.canary();
    canary = canary.withCurrentStepAnalysisRunStatus(
        canary.currentStepAnalysisRunStatus().map(r -> refresh(o, r)).orElse(null));
    canary = canary.withCurrentBackgroundAnalysisRunStatus(
        canary.currentBackgroundAnalysisRunStatus().map(r -> refresh(o, r)).orElse(null));
    BlueGreenStatus blueGreen = status.blueGreen();
    blueGreen = blueGreen.withPrePromotionAnalysisRunStatus(
        blueGreen.prePromotionAnalysisRunStatus().map(r -> refresh(o, r)).orElse(null));
    blueGreen = blueGreen.withPostPromotionAnalysisRunStatus(
        blueGreen.postPromotionAnalysisRunStatus().map(r -> refresh(o, r)).orElse(null));
    return status.toBuilder().canary(canary).blueGreen(blueGreen).build();
  }

  static Optional<ObservedAnalysisRun> observed(Observation o, String name) {
    return o.analysisRuns().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static RolloutAnalysisRunStatus refresh(Observation o, RolloutAnalysisRunStatus record) {
    return observed(o, record.name())
        .map(run -> new RolloutAnalysisRunStatus(run.name(), run.phase(), run.message()))
        .orElse(record);
  }

  /**
   * Whether the recorded run is the one for this purpose and revision. A run not observed yet that
   * the status records as Pending was just started (the cache lags behind); it is taken at its word.
   */
  private static boolean serves(Observation o, RolloutAnalysisRunStatus recorded, AnalysisPurpose purpose,
      String hash) {
    return observed(o, recorded.name())
        .map(run -> run.purpose().equals(purpose) && run.podTemplateHash().equals(hash))
        .orElse(recorded.status() == AnalysisPhase.PENDING);
  }

  private static Optional<RolloutAnalysisRunStatus> adopt(Observation o, AnalysisPurpose purpose, String hash) {
    return o.analysisRuns().stream()
        .filter(run -> run.purpose().equals(purpose) && run.podTemplateHash().equals(hash))
        .filter(run -> !run.terminated() && !run.phase().isCompleted())
        .max(Comparator.comparing(ObservedAnalysisRun::createdAt))
        .map(run -> new RolloutAnalysisRunStatus(run.name(), run.phase(), run.message()));
  }

  /** {@code <rollout>-<hash>-<purpose>}, with {@code -2}, {@code -3}... for later attempts (after a retry). */
  private static String freeName(Context ctx, AnalysisPurpose purpose, Optional<RolloutAnalysisRunStatus> recorded) {
    Set<String> taken = ctx.observation().analysisRuns().stream()
        .map(ObservedAnalysisRun::name)
        .collect(Collectors.toCollection(HashSet::new));
    recorded.ifPresent(r -> taken.add(r.name()));
    String base = ctx.name() + "-" + ctx.revisions().currentHash() + "-" + purpose.label();
    String name = base;
    for (int attempt = 2; taken.contains(name); attempt++) {
      name = base + "-" + attempt;
    }
    return name;
  }
}
