package dev.ramp.analysis.measurement;

import dev.ramp.analysis.query.ValueFormat;
import java.time.Instant;
import java.util.List;

/**
 * One measurement of a metric, judged. Carries the values as measured (shown as {@code [0.97]}), when
 * it ran, and a message that says why it came out so.
 */
public sealed interface MeasurementOutcome {

  List<Double> values();

  Instant startedAt();

  Instant finishedAt();

  String message();

  /**
   * The phase name as written to an AnalysisRun's status: Successful, Failed, Inconclusive, Error —
   * each outcome's own name.
   */
  default String phase() {
    return getClass().getSimpleName();
  }

  /** The values as Argo Rollouts shows them ({@code [0.97]}); empty for an Error without values. */
  default String value() {
    return this instanceof Error && values().isEmpty() ? "" : ValueFormat.format(values());
  }

  record Successful(List<Double> values, Instant startedAt, Instant finishedAt, String message)
      implements MeasurementOutcome {
    public Successful {
      values = List.copyOf(values);
    }
  }

  record Failed(List<Double> values, Instant startedAt, Instant finishedAt, String message)
      implements MeasurementOutcome {
    public Failed {
      values = List.copyOf(values);
    }
  }

  record Inconclusive(List<Double> values, Instant startedAt, Instant finishedAt, String message)
      implements MeasurementOutcome {
    public Inconclusive {
      values = List.copyOf(values);
    }
  }

  /** No judgement possible: the query failed, or a condition could not be evaluated. */
  record Error(List<Double> values, Instant startedAt, Instant finishedAt, String message)
      implements MeasurementOutcome {
    public Error {
      values = List.copyOf(values);
    }
  }
}
