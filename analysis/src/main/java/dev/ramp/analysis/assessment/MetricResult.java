package dev.ramp.analysis.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric's results as recorded in an AnalysisRun's status ({@code status.metricResults[]}, fields as
 * in Argo Rollouts). The counters cover every measurement ever taken; {@link #measurements} keeps only
 * the most recent ones, so the counters stay exact when old measurements are dropped.
 *
 * @param count every measurement, Errors included
 * @param consecutiveError Errors since the last measurement that was not one
 */
public record MetricResult(
    String name,
    AnalysisPhase phase,
    String message,
    List<Measurement> measurements,
    int count,
    int successful,
    int failed,
    int inconclusive,
    int error,
    int consecutiveError,
    boolean dryRun) {

  public MetricResult {
    measurements = List.copyOf(measurements);
  }

  /** A metric not measured yet. */
  public static MetricResult pending(String name, boolean dryRun) {
    return new MetricResult(name, AnalysisPhase.PENDING, "", List.of(), 0, 0, 0, 0, 0, 0, dryRun);
  }

  /** Measurements judged Successful, Failed or Inconclusive: evidence, unlike Errors. */
  public int judged() {
    return successful + failed + inconclusive;
  }

  /** The latest recorded measurement, if any. */
  public java.util.Optional<Measurement> last() {
    return measurements.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(measurements.get(measurements.size() - 1));
  }

  /** This result with one more measurement counted and kept, the oldest dropped beyond {@code retention}. */
  public MetricResult record(Measurement measurement, int retention) {
    List<Measurement> kept = new ArrayList<>(measurements);
    kept.add(measurement);
    if (kept.size() > retention) {
      kept = kept.subList(kept.size() - retention, kept.size());
    }
    AnalysisPhase p = measurement.phase();
    return new MetricResult(name, phase, message, kept,
        count + 1,
        successful + (p == AnalysisPhase.SUCCESSFUL ? 1 : 0),
        failed + (p == AnalysisPhase.FAILED ? 1 : 0),
        inconclusive + (p == AnalysisPhase.INCONCLUSIVE ? 1 : 0),
        error + (p == AnalysisPhase.ERROR ? 1 : 0),
        p == AnalysisPhase.ERROR ? consecutiveError + 1 : 0,
        dryRun);
  }

  public MetricResult withPhase(AnalysisPhase phase, String message) {
    return new MetricResult(name, phase, message, measurements, count, successful, failed, inconclusive, error,
        consecutiveError, dryRun);
  }
}
