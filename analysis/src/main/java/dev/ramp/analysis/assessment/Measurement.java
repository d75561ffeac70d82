package dev.ramp.analysis.assessment;

import dev.ramp.analysis.measurement.MeasurementOutcome;
import java.time.Instant;

/**
 * A measurement as recorded in an AnalysisRun's status ({@code status.metricResults[].measurements[]},
 * fields as in Argo Rollouts): what the engine reads back after a restart.
 */
public record Measurement(AnalysisPhase phase, String value, Instant startedAt, Instant finishedAt, String message) {

  public static Measurement of(MeasurementOutcome outcome) {
    return new Measurement(AnalysisPhase.parse(outcome.phase()), outcome.value(), outcome.startedAt(),
        outcome.finishedAt(), outcome.message());
  }
}
