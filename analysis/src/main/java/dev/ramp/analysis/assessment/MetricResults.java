package dev.ramp.analysis.assessment;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.MetricResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds measurements to a metric's recorded result. The counters cover every measurement ever taken;
 * only the latest {@code retention} measurements are kept, so the counters stay exact when old
 * measurements are dropped (AR#2166: status must not grow without bound).
 */
public final class MetricResults {

  private MetricResults() {}

  /** A metric not measured yet. */
  public static MetricResult pending(String name, boolean dryRun) {
    return MetricResult.builder(name).phase(AnalysisPhase.PENDING).dryRun(dryRun).build();
  }

  /** The result with one more measurement counted and kept, the oldest dropped beyond {@code retention}. */
  public static MetricResult record(MetricResult result, Measurement measurement, int retention) {
    List<Measurement> kept = new ArrayList<>(result.measurements());
    kept.add(measurement);
    int keep = Math.max(1, retention);
    if (kept.size() > keep) {
      kept = new ArrayList<>(kept.subList(kept.size() - keep, kept.size()));
    }
    AnalysisPhase phase = measurement.phase();
    boolean error = phase == AnalysisPhase.ERROR;
    return result.toBuilder()
        .measurements(kept)
        .count(result.count() + (error ? 0 : 1))
        .successful(result.successful() + (phase == AnalysisPhase.SUCCESSFUL ? 1 : 0))
        .failed(result.failed() + (phase == AnalysisPhase.FAILED ? 1 : 0))
        .inconclusive(result.inconclusive() + (phase == AnalysisPhase.INCONCLUSIVE ? 1 : 0))
        .error(result.error() + (error ? 1 : 0))
        .consecutiveError(error ? result.consecutiveError() + 1 : 0)
        .noData(result.noData() + (measurement.noData() ? 1 : 0))
        .build();
  }

  /** Measurements taken at all, Errors included. */
  static int taken(MetricResult result) {
    return result.count() + result.error();
  }
}
