package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.List;
import java.util.Optional;

/**
 * What an AnalysisRun measures: the metrics (their {@code {{args.name}}} placeholders resolved
 * when measuring, as Argo Rollouts does, so that Secret values never land in the spec) and the
 * arguments.
 *
 * @param terminate stop measuring; the run ends with the verdict reached so far
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisRunSpec(
    List<Metric> metrics,
    List<Argument> args,
    boolean terminate,
    List<DryRun> dryRun,
    List<MeasurementRetention> measurementRetention) {

  public AnalysisRunSpec {
    metrics = Copies.list(metrics);
    args = Copies.list(args);
    dryRun = Copies.list(dryRun);
    measurementRetention = Copies.list(measurementRetention);
  }

  public static AnalysisRunSpec of(List<Metric> metrics, List<Argument> args) {
    return new AnalysisRunSpec(metrics, args, false, List.of(), List.of());
  }

  public Optional<Metric> metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public Optional<Argument> arg(String name) {
    return args.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Whether the metric runs in dry-run mode (its verdict does not count). */
  public boolean isDryRun(String metricName) {
    return DryRun.covers(dryRun, metricName);
  }

  /** How many measurements of the metric to keep in status. */
  public int measurementLimit(String metricName) {
    return MeasurementRetention.limitFor(measurementRetention, metricName);
  }

  public AnalysisRunSpec withTerminate(boolean newTerminate) {
    return new AnalysisRunSpec(metrics, args, newTerminate, dryRun, measurementRetention);
  }
}
