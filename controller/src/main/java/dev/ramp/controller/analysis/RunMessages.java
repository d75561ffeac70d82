package dev.ramp.controller.analysis;

import dev.ramp.analysis.args.Args;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricResult;
import io.kubernetes.client.custom.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages of a run's status as a person reads them on the Rollout that aborted or paused: the run's
 * message names every metric that decided it, with the measurement that tipped it (the condition and
 * the value it was judged on) and the limit it went past —
 * {@code metric "success-rate" Failed: successCondition "result[0] >= 0.95" is false for [0.7] (1 Failed
 * measurement, more than failureLimit 0)}. Composed from the structured results only, so composing twice
 * changes nothing.
 */
final class RunMessages {
  private RunMessages() {}

  static AnalysisRunStatus compose(AnalysisRunSpec spec, Args args, AnalysisRunStatus status) {
    List<MetricResult> results = status.metricResults();
    AnalysisRunStatus.Builder composed = status.toBuilder();
    AnalysisPhase phase = status.phase();
    if (phase == AnalysisPhase.FAILED || phase == AnalysisPhase.ERROR || phase == AnalysisPhase.INCONCLUSIVE) {
      List<String> deciding = new ArrayList<>();
      for (MetricResult result : results) {
        if (!result.dryRun() && result.phase() == phase) {
          deciding.add("metric \"" + result.name() + "\" " + phase.wireName() + ": "
              + detail(spec.metric(result.name()), args, result));
        }
      }
      if (!deciding.isEmpty()) {
        composed.message(String.join("; ", deciding));
      }
    }
    return composed.build();
  }

  /** The tipping measurement and the limit when a limit decided the metric; else the engine's verdict. */
  private static String detail(Optional<Metric> metric, Args args, MetricResult result) {
    String verdict = result.message().orElse("");
    Optional<Measurement> last = result.lastMeasurement().filter(m -> m.phase() == result.phase());
    if (metric.isEmpty() || last.isEmpty()) {
      return verdict;
    }
    String measured = last.get().message()
        .orElseGet(() -> "measured " + last.get().value().orElse("nothing"));
    Optional<String> limit = switch (result.phase()) {
      case FAILED -> beyond(result.failed(), "Failed measurement", "failureLimit", metric.get().failureLimit(), args);
      case ERROR -> beyond(result.consecutiveError(), "consecutive error", "consecutiveErrorLimit",
          metric.get().consecutiveErrorLimit(), args);
      case INCONCLUSIVE -> beyond(result.inconclusive(), "Inconclusive measurement", "inconclusiveLimit",
          metric.get().inconclusiveLimit(), args);
      default -> Optional.empty();
    };
    return limit.map(l -> measured + " (" + l + ")").orElse(verdict);
  }

  private static Optional<String> beyond(int count, String noun, String field, IntOrString limit, Args args) {
    Optional<Integer> value = intValue(limit, args, field);
    if (value.isEmpty() || count <= value.get()) {
      return Optional.empty();
    }
    return Optional.of(count + " " + noun + (count == 1 ? "" : "s") + ", more than " + field + " " + value.get());
  }

  private static Optional<Integer> intValue(IntOrString value, Args args, String field) {
    if (value.isInteger()) {
      return Optional.of(value.getIntValue());
    }
    try {
      return Optional.of(Integer.parseInt(args.resolve(value.getStrValue(), field).strip()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
