package dev.ramp.analysis.assessment;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.MetricResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdicts, from what status records: pure functions, so a restarted controller reaches the same
 * ones.
 *
 * <p>Metric: Failed when failures exceed {@code failureLimit}; Error when consecutive errors exceed
 * {@code consecutiveErrorLimit}; Inconclusive when inconclusives exceed {@code inconclusiveLimit};
 * Successful when {@code count} measurements are judged. Unlike Argo Rollouts, an Error measurement is
 * no evidence and does not use up {@code count} (it is retried sooner instead), and a metric is never
 * Successful without at least one Successful measurement (AR#4479: a run Successful although every
 * measurement was Error or Failed).
 *
 * <p>Run: the worst metric wins (Failed, then Error, then Inconclusive, then Running), dry-run metrics
 * excepted; once it is decided, metrics still running keep their phase rather than being marked
 * Successful (AR#2158). The run's message is what a person reads on the Rollout that aborted or paused:
 * every metric that decided it, with the measurement that tipped it and the limit it went past —
 * {@code metric "success-rate" Failed: successCondition "result[0] >= 0.95" is false for [0.7] (1 Failed
 * measurement, more than failureLimit 0)}.
 */
public final class Assessment {

  /** Argo Rollouts retries an errored measurement after 10 s, or after the interval if shorter. */
  public static final Duration ERROR_RETRY = Duration.ofSeconds(10);

  private Assessment() {}

  /**
   * A metric's verdict.
   *
   * @param terminating the run is being stopped from outside (the rollout moved on): a metric still
   *     running ends on the evidence it has
   */
  public static Verdict metric(MetricLimits limits, MetricResult result, boolean terminating) {
    if (result.phase().isCompleted()) {
      // a decided metric stays decided, whatever is measured or changed after
      return new Verdict(result.phase(), result.message().orElse(""));
    }
    String last = result.lastMeasurement().flatMap(Measurement::message).map(m -> ": " + m).orElse("");
    if (result.failed() > limits.failureLimit()) {
      return new Verdict(AnalysisPhase.FAILED, count(result.failed(), "measurement") + " Failed, more than failureLimit "
          + limits.failureLimit() + lastOf(result, AnalysisPhase.FAILED));
    }
    if (result.consecutiveError() > limits.consecutiveErrorLimit()) {
      return new Verdict(AnalysisPhase.ERROR, count(result.consecutiveError(), "consecutive error")
          + ", more than consecutiveErrorLimit " + limits.consecutiveErrorLimit() + last);
    }
    if (result.inconclusive() > limits.inconclusiveLimit()) {
      return new Verdict(AnalysisPhase.INCONCLUSIVE, count(result.inconclusive(), "measurement")
          + " Inconclusive, more than inconclusiveLimit " + limits.inconclusiveLimit()
          + lastOf(result, AnalysisPhase.INCONCLUSIVE));
    }
    Optional<Integer> count = limits.effectiveCount();
    if (count.isPresent() && result.count() >= count.get()) {
      return onEvidence(result, "after " + count(result.count(), "measurement"));
    }
    if (terminating) {
      if (MetricResults.taken(result) == 0) {
        return new Verdict(AnalysisPhase.INCONCLUSIVE, "terminated before any measurement");
      }
      return onEvidence(result, "terminated after " + count(result.count(), "measurement"));
    }
    if (MetricResults.taken(result) == 0) {
      return new Verdict(AnalysisPhase.PENDING, "");
    }
    return new Verdict(AnalysisPhase.RUNNING, result.count() + (count.map(c -> " of " + c).orElse(""))
        + " measurements taken" + last);
  }

  private static Verdict onEvidence(MetricResult result, String when) {
    if (result.successful() > 0) {
      return new Verdict(AnalysisPhase.SUCCESSFUL, when + ": " + result.successful() + " Successful, "
          + result.failed() + " Failed, " + result.inconclusive() + " Inconclusive, " + result.error() + " Error");
    }
    if (result.failed() > 0) {
      return new Verdict(AnalysisPhase.FAILED, when + ", none Successful" + lastOf(result, AnalysisPhase.FAILED));
    }
    return new Verdict(AnalysisPhase.INCONCLUSIVE, when + ", none Successful"
        + result.lastMeasurement().flatMap(Measurement::message).map(m -> ": " + m).orElse(""));
  }

  private static String lastOf(MetricResult result, AnalysisPhase phase) {
    for (int i = result.measurements().size() - 1; i >= 0; i--) {
      Measurement m = result.measurements().get(i);
      if (m.phase() == phase) {
        return "; last: " + m.value().filter(v -> !v.isEmpty()).map(v -> v + ", ").orElse("")
            + m.message().orElse("");
      }
    }
    return "";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * The run's verdict over its metrics' (already assessed) results: the worst non-dry-run metric, and
   * never Successful while a metric lacks evidence. A decided run's message names every metric of the
   * deciding phase.
   *
   * @param limits per metric name, the limits its result was judged by; a metric without (one that
   *     could not be resolved) is described by its own message
   */
  public static Verdict run(List<MetricResult> results, Map<String, MetricLimits> limits) {
    if (results.isEmpty()) {
      return new Verdict(AnalysisPhase.ERROR, "the run has no metrics: nothing to judge a revision by");
    }
    for (AnalysisPhase worst : List.of(AnalysisPhase.FAILED, AnalysisPhase.ERROR, AnalysisPhase.INCONCLUSIVE)) {
      List<String> deciding = new ArrayList<>();
      for (MetricResult result : results) {
        if (!result.dryRun() && result.phase() == worst) {
          String why = Optional.ofNullable(limits.get(result.name()))
              .flatMap(l -> tipped(result, l))
              .or(() -> result.message())
              .map(m -> ": " + m)
              .orElse("");
          deciding.add("metric \"" + result.name() + "\" " + worst.wireName() + why);
        }
      }
      if (!deciding.isEmpty()) {
        return new Verdict(worst, String.join("; ", deciding));
      }
    }
    for (MetricResult result : results) {
      if (!result.phase().isCompleted()) {
        return new Verdict(AnalysisPhase.RUNNING, "");
      }
    }
    if (results.stream().noneMatch(r -> !r.dryRun())) {
      return new Verdict(AnalysisPhase.SUCCESSFUL, "only dry-run metrics, all completed");
    }
    return new Verdict(AnalysisPhase.SUCCESSFUL, "all metrics Successful");
  }

  /**
   * The measurement that tipped a decided metric and the limit it went past ("successCondition ... is
   * false for [0.7] (1 Failed measurement, more than failureLimit 0)"); empty when no limit decided it
   * (its count was reached, the run was terminated).
   */
  private static Optional<String> tipped(MetricResult result, MetricLimits limits) {
    Optional<Measurement> last = result.lastMeasurement().filter(m -> m.phase() == result.phase());
    if (last.isEmpty()) {
      return Optional.empty();
    }
    String measured = last.get().message().orElseGet(() -> "measured " + last.get().value().orElse("nothing"));
    Optional<String> limit = switch (result.phase()) {
      case FAILED -> beyond(result.failed(), "Failed measurement", "failureLimit", limits.failureLimit());
      case ERROR -> beyond(result.consecutiveError(), "consecutive error", "consecutiveErrorLimit",
          limits.consecutiveErrorLimit());
      case INCONCLUSIVE -> beyond(result.inconclusive(), "Inconclusive measurement", "inconclusiveLimit",
          limits.inconclusiveLimit());
      default -> Optional.empty();
    };
    return limit.map(l -> measured + " (" + l + ")");
  }

  private static Optional<String> beyond(int count, String noun, String field, int limit) {
    return count > limit ? Optional.of(count(count, noun) + ", more than " + field + " " + limit) : Optional.empty();
  }

  /**
   * When the metric is next measured: run start + initialDelay for the first; the last measurement's
   * end + interval after; sooner after an Error. Empty when the metric is done.
   */
  public static Optional<Instant> nextMeasurement(
      MetricLimits limits, MetricResult result, Instant runStartedAt, boolean decided) {
    if (decided || result.phase().isCompleted()) {
      return Optional.empty();
    }
    Optional<Measurement> last = result.lastMeasurement();
    if (last.isEmpty()) {
      return Optional.of(runStartedAt.plus(limits.initialDelay()));
    }
    Instant after = last.get().finishedAt().or(() -> last.get().startedAt())
        .map(t -> t.toInstant()).orElse(runStartedAt);
    if (last.get().phase() == AnalysisPhase.ERROR) {
      Duration retry = limits.interval().filter(i -> i.compareTo(ERROR_RETRY) < 0).orElse(ERROR_RETRY);
      return Optional.of(after.plus(retry));
    }
    return Optional.of(after.plus(limits.interval().orElse(Duration.ZERO)));
  }
}
