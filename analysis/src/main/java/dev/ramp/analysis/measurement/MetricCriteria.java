package dev.ramp.analysis.measurement;

import dev.ramp.api.analysis.NoDataPolicy;
import java.util.Optional;

/**
 * How a metric's measurements are judged: its CEL conditions and its no-data policy. Without a
 * {@code noData} policy, the conditions decide on the empty list or the NaN as they are (so
 * {@code size(result) == 0} and {@code isNaN(result[0])} mean what they say), and a condition that
 * cannot be evaluated without data makes the measurement Inconclusive rather than an Error.
 */
public record MetricCriteria(
    Optional<String> successCondition, Optional<String> failureCondition, Optional<NoDataPolicy> noData) {

  public static MetricCriteria none() {
    return new MetricCriteria(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static MetricCriteria success(String condition) {
    return new MetricCriteria(Optional.of(condition), Optional.empty(), Optional.empty());
  }

  public static MetricCriteria failure(String condition) {
    return new MetricCriteria(Optional.empty(), Optional.of(condition), Optional.empty());
  }

  public static MetricCriteria both(String success, String failure) {
    return new MetricCriteria(Optional.of(success), Optional.of(failure), Optional.empty());
  }

  public MetricCriteria withNoData(NoDataPolicy policy) {
    return new MetricCriteria(successCondition, failureCondition, Optional.of(policy));
  }
}
