package dev.ramp.analysis.assessment;

import java.time.Duration;
import java.util.Optional;

/**
 * When a metric is measured and how many bad measurements it tolerates (Argo Rollouts' fields and
 * defaults). Without {@code count} and {@code interval} a metric is measured once; with an interval and
 * no count it is measured until the run is terminated (background analysis).
 */
public record MetricLimits(
    Optional<Integer> count,
    Optional<Duration> interval,
    Duration initialDelay,
    int failureLimit,
    int inconclusiveLimit,
    int consecutiveErrorLimit) {

  public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

  public MetricLimits {
    count.ifPresent(c -> {
      if (c < 1) {
        throw new IllegalArgumentException("count must be at least 1, got " + c);
      }
    });
    if (failureLimit < 0 || inconclusiveLimit < 0 || consecutiveErrorLimit < 0) {
      throw new IllegalArgumentException("limits cannot be negative");
    }
  }

  /** One measurement, no tolerance for failures or inconclusives, four consecutive errors tolerated. */
  public static MetricLimits defaults() {
    return new MetricLimits(Optional.empty(), Optional.empty(), Duration.ZERO, 0, 0, DEFAULT_CONSECUTIVE_ERROR_LIMIT);
  }

  /** How many judged measurements complete the metric; empty for a background metric. */
  public Optional<Integer> effectiveCount() {
    if (count.isPresent()) {
      return count;
    }
    return interval.isPresent() ? Optional.empty() : Optional.of(1);
  }

  public MetricLimits withCount(int count) {
    return new MetricLimits(Optional.of(count), interval, initialDelay, failureLimit, inconclusiveLimit, consecutiveErrorLimit);
  }

  public MetricLimits withInterval(Duration interval) {
    return new MetricLimits(count, Optional.of(interval), initialDelay, failureLimit, inconclusiveLimit, consecutiveErrorLimit);
  }

  public MetricLimits withInitialDelay(Duration initialDelay) {
    return new MetricLimits(count, interval, initialDelay, failureLimit, inconclusiveLimit, consecutiveErrorLimit);
  }

  public MetricLimits withLimits(int failureLimit, int inconclusiveLimit, int consecutiveErrorLimit) {
    return new MetricLimits(count, interval, initialDelay, failureLimit, inconclusiveLimit, consecutiveErrorLimit);
  }
}
