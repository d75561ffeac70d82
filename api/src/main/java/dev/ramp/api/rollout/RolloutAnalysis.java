package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.DryRun;
import dev.ramp.api.analysis.MeasurementRetention;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.List;

/**
 * An analysis a Rollout runs: the templates whose metrics make up the AnalysisRun and the values
 * of their arguments. Used by the {@code analysis} canary step and by blue-green's pre- and
 * post-promotion analysis.
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RolloutAnalysis(
    List<AnalysisTemplateRef> templates,
    List<Argument> args,
    List<DryRun> dryRun,
    List<MeasurementRetention> measurementRetention) implements CanaryStepAction {

  public RolloutAnalysis {
    templates = Copies.list(templates);
    args = Copies.list(args);
    dryRun = Copies.list(dryRun);
    measurementRetention = Copies.list(measurementRetention);
  }

  public static RolloutAnalysis of(List<AnalysisTemplateRef> templates, List<Argument> args) {
    return new RolloutAnalysis(templates, args, List.of(), List.of());
  }
}
