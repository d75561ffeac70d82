package dev.ramp.controller.rollout;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.AnalysisRunHistory;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.ObservedAnalysisRun;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The AnalysisRuns a Rollout keeps: running ones are terminated once nothing needs them (promotion,
 * abort, a newer revision, a skipped step), and finished ones are deleted beyond {@code
 * spec.analysis}'s limits, oldest first, so that history (and the controller's memory, AR#2166) stays
 * bounded. A run the status refers to is never deleted.
 */
final class RunHistory {
  private RunHistory() {}

  static void terminateUnwanted(Context ctx, Draft d) {
    Set<String> wanted = d.wantedRuns();
    for (ObservedAnalysisRun run : ctx.observation().analysisRuns()) {
      if (!run.terminated() && !run.phase().isCompleted() && !wanted.contains(run.name())) {
        d.add(new Action.TerminateAnalysisRun(run.name()));
      }
    }
  }

  static void prune(Context ctx, Draft d) {
    Set<String> referenced = Draft.recordedRuns(d.status()).collect(Collectors.toSet());
    AnalysisRunHistory limits = ctx.spec().analysisRunHistory();
    List<ObservedAnalysisRun> finished = ctx.observation().analysisRuns().stream()
        .filter(r -> r.phase().isCompleted() && !referenced.contains(r.name()))
        .sorted(Comparator.comparing(ObservedAnalysisRun::createdAt).reversed())
        .toList();
    deleteBeyond(d, finished, r -> r.phase() == AnalysisPhase.SUCCESSFUL, limits.successfulRunHistoryLimit());
    deleteBeyond(d, finished, r -> r.phase() != AnalysisPhase.SUCCESSFUL, limits.unsuccessfulRunHistoryLimit());
  }

  private static void deleteBeyond(Draft d, List<ObservedAnalysisRun> newestFirst,
      Predicate<ObservedAnalysisRun> kind, int limit) {
    List<ObservedAnalysisRun> runs = newestFirst.stream().filter(kind).toList();
    for (int i = runs.size() - 1; i >= Math.max(0, limit); i--) {
      d.add(new Action.DeleteAnalysisRun(runs.get(i).name()));
    }
  }
}
