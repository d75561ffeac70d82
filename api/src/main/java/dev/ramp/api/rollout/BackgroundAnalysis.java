package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.DryRun;
import dev.ramp.api.analysis.MeasurementRetention;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.List;
import java.util.Optional;

/**
 * A canary's background analysis ({@code strategy.canary.analysis}): runs from {@code
 * startingStep} until the update completes; Failed or Error aborts it.
 *
 * @param startingStep index of the step from which it runs; absent: from the first step
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record BackgroundAnalysis(
    List<AnalysisTemplateRef> templates,
    List<Argument> args,
    List<DryRun> dryRun,
    List<MeasurementRetention> measurementRetention,
    Optional<Integer> startingStep) {

  public BackgroundAnalysis {
    templates = Copies.list(templates);
    args = Copies.list(args);
    dryRun = Copies.list(dryRun);
    measurementRetention = Copies.list(measurementRetention);
    startingStep = Copies.optional(startingStep);
  }

  /** The step index from which the analysis runs (0 when not given). */
  public int startingStepIndex() {
    return startingStep.orElse(0);
  }

  /** The same templates and arguments, as the analysis of an AnalysisRun is described. */
  public RolloutAnalysis toRolloutAnalysis() {
    return new RolloutAnalysis(templates, args, dryRun, measurementRetention);
  }
}
