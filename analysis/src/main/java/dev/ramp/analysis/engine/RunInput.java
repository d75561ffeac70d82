package dev.ramp.analysis.engine;

import dev.ramp.analysis.args.Args;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import java.util.Map;

/**
 * What the engine needs of an AnalysisRun, with what only the controller can read resolved.
 *
 * @param args the run's args with values: {@code value} as given, {@code valueFrom} (Secret key,
 *     pod-template hash, field ref) read by the controller; an arg it could not resolve carries the
 *     reason instead, which the Error of every metric that uses it repeats
 * @param credentials per metric name, the Prometheus credentials read from the metric's Secret refs,
 *     or why they could not be read; a metric without an entry queries without credentials
 */
public record RunInput(
    AnalysisRunSpec spec, AnalysisRunStatus status, Args args, Map<String, MetricCredentials> credentials) {

  public RunInput {
    credentials = Map.copyOf(credentials);
  }

  /** A run without credentials. */
  public static RunInput of(AnalysisRunSpec spec, AnalysisRunStatus status, Args args) {
    return new RunInput(spec, status, args, Map.of());
  }

  /** The credentials of the named metric; {@link MetricCredentials#none()} when it has no entry. */
  public MetricCredentials credentials(String metric) {
    return credentials.getOrDefault(metric, MetricCredentials.none());
  }
}
