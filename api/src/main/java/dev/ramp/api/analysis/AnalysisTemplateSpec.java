package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.List;
import java.util.Optional;

/** The metrics of an (Cluster)AnalysisTemplate and the arguments they take. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisTemplateSpec(
    List<Metric> metrics,
    List<Argument> args,
    List<DryRun> dryRun,
    List<MeasurementRetention> measurementRetention) {

  public AnalysisTemplateSpec {
    metrics = Copies.list(metrics);
    args = Copies.list(args);
    dryRun = Copies.list(dryRun);
    measurementRetention = Copies.list(measurementRetention);
  }

  public static AnalysisTemplateSpec of(List<Metric> metrics, List<Argument> args) {
    return new AnalysisTemplateSpec(metrics, args, List.of(), List.of());
  }

  public Optional<Metric> metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
