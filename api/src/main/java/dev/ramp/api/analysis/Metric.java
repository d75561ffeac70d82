package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import dev.ramp.api.value.Durations;
import dev.ramp.api.value.IntOrStrings;
import io.kubernetes.client.custom.IntOrString;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One measured quantity of an analysis: how to query it, how often, and what counts as success.
 * Field names and defaults are Argo Rollouts'; {@code noData} is Ramp's own.
 *
 * <p>Counts and limits are int-or-string because a template may leave them as {@code
 * {{args.name}}} placeholders; the {@code ...Value()} accessors read them once resolved.
 *
 * @param interval Go duration between measurements; absent: measured once (or count times)
 * @param initialDelay Go duration to wait before the first measurement
 * @param count number of measurements; with interval but without count, measured until terminated
 * @param successCondition CEL over {@code result}; true means Successful
 * @param failureCondition CEL over {@code result}; true means Failed
 * @param failureLimit Failed measurements tolerated (default 0)
 * @param inconclusiveLimit Inconclusive measurements tolerated (default 0)
 * @param consecutiveErrorLimit consecutive Error measurements tolerated (default 4)
 * @param noData what an empty result or NaN counts as (default inconclusive)
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record Metric(
    String name,
    Optional<String> interval,
    Optional<String> initialDelay,
    Optional<IntOrString> count,
    Optional<String> successCondition,
    Optional<String> failureCondition,
    IntOrString failureLimit,
    IntOrString inconclusiveLimit,
    IntOrString consecutiveErrorLimit,
    NoDataPolicy noData,
    MetricProvider provider) {

  public static final int DEFAULT_FAILURE_LIMIT = 0;
  public static final int DEFAULT_INCONCLUSIVE_LIMIT = 0;
  public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
  public static final NoDataPolicy DEFAULT_NO_DATA = NoDataPolicy.INCONCLUSIVE;

  public Metric {
    interval = Copies.optional(interval);
    initialDelay = Copies.optional(initialDelay);
    count = Copies.optional(count);
    successCondition = Copies.optional(successCondition);
    failureCondition = Copies.optional(failureCondition);
    failureLimit = failureLimit == null ? new IntOrString(DEFAULT_FAILURE_LIMIT) : failureLimit;
    inconclusiveLimit = inconclusiveLimit == null ? new IntOrString(DEFAULT_INCONCLUSIVE_LIMIT) : inconclusiveLimit;
    consecutiveErrorLimit = consecutiveErrorLimit == null
        ? new IntOrString(DEFAULT_CONSECUTIVE_ERROR_LIMIT) : consecutiveErrorLimit;
    noData = noData == null ? DEFAULT_NO_DATA : noData;
  }

  /** The interval as a duration, if there is one. */
  public Optional<Duration> parsedInterval() {
    return interval.map(Durations::parse);
  }

  /** The initial delay as a duration; zero when absent. */
  public Duration parsedInitialDelay() {
    return initialDelay.map(Durations::parse).orElse(Duration.ZERO);
  }

  /**
   * How many measurements make the metric complete, as Argo counts them: {@code count} when given
   * (and not 0); otherwise 1 without an interval, and none (run until terminated) with one.
   */
  public OptionalInt effectiveCount() {
    int c = count.map(v -> IntOrStrings.intValue(v, field("count"))).orElse(0);
    if (c != 0) {
      return OptionalInt.of(c);
    }
    return interval.isEmpty() ? OptionalInt.of(1) : OptionalInt.empty();
  }

  public int failureLimitValue() {
    return IntOrStrings.intValue(failureLimit, field("failureLimit"));
  }

  public int inconclusiveLimitValue() {
    return IntOrStrings.intValue(inconclusiveLimit, field("inconclusiveLimit"));
  }

  public int consecutiveErrorLimitValue() {
    return IntOrStrings.intValue(consecutiveErrorLimit, field("consecutiveErrorLimit"));
  }

  /** The Prometheus query, when that is the provider. */
  public Optional<PrometheusMetric> prometheus() {
    return provider == null ? Optional.empty() : provider.prometheus();
  }

  private String field(String field) {
    return "metric " + name + ": " + field;
  }

  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.interval = interval.orElse(null);
    b.initialDelay = initialDelay.orElse(null);
    b.count = count.orElse(null);
    b.successCondition = successCondition.orElse(null);
    b.failureCondition = failureCondition.orElse(null);
    b.failureLimit = failureLimit;
    b.inconclusiveLimit = inconclusiveLimit;
    b.consecutiveErrorLimit = consecutiveErrorLimit;
    b.noData = noData;
    b.provider = provider;
    return b;
  }

  /** Builds a {@link Metric}; unset fields take the defaults. */
  public static final class Builder {
    private String name;
    private String interval;
    private String initialDelay;
    private IntOrString count;
    private String successCondition;
    private String failureCondition;
    private IntOrString failureLimit;
    private IntOrString inconclusiveLimit;
    private IntOrString consecutiveErrorLimit;
    private NoDataPolicy noData;
    private MetricProvider provider;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder interval(String interval) {
      this.interval = interval;
      return this;
    }

    public Builder initialDelay(String initialDelay) {
      this.initialDelay = initialDelay;
      return this;
    }

    public Builder count(int count) {
      this.count = new IntOrString(count);
      return this;
    }

    public Builder count(IntOrString count) {
      this.count = count;
      return this;
    }

    public Builder successCondition(String successCondition) {
      this.successCondition = successCondition;
      return this;
    }

    public Builder failureCondition(String failureCondition) {
      this.failureCondition = failureCondition;
      return this;
    }

    public Builder failureLimit(int failureLimit) {
      this.failureLimit = new IntOrString(failureLimit);
      return this;
    }

    public Builder inconclusiveLimit(int inconclusiveLimit) {
      this.inconclusiveLimit = new IntOrString(inconclusiveLimit);
      return this;
    }

    public Builder consecutiveErrorLimit(int consecutiveErrorLimit) {
      this.consecutiveErrorLimit = new IntOrString(consecutiveErrorLimit);
      return this;
    }

    public Builder noData(NoDataPolicy noData) {
      this.noData = noData;
      return this;
    }

    public Builder provider(MetricProvider provider) {
      this.provider = provider;
      return this;
    }

    public Builder prometheus(PrometheusMetric prometheus) {
      return provider(MetricProvider.prometheus(prometheus));
    }

    public Metric build() {
      return new Metric(name, Optional.ofNullable(interval), Optional.ofNullable(initialDelay),
          Optional.ofNullable(count), Optional.ofNullable(successCondition), Optional.ofNullable(failureCondition),
          failureLimit, inconclusiveLimit, consecutiveErrorLimit, noData, provider);
    }
  }
}
