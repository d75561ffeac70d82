package dev.ramp.analysis.engine;

import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.args.ArgsException;
import dev.ramp.analysis.assessment.MetricLimits;
import dev.ramp.analysis.measurement.MetricCriteria;
import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.analysis.prometheus.PrometheusQuery;
import dev.ramp.api.analysis.HttpHeader;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.api.value.Durations;
import dev.ramp.api.value.IntOrStrings;
import io.kubernetes.client.custom.IntOrString;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Substitutes a run's args into a metric ({@code {{args.name}}} anywhere a string is: query, address,
 * header values, conditions, interval, counts and limits, as Argo Rollouts does) and reads it into the
 * engine's terms.
 */
final class MetricResolver {

  private MetricResolver() {}

  /**
   * @throws IllegalArgumentException (an {@link ArgsException} for args) saying what cannot be resolved
   */
  static ResolvedMetric resolve(Metric metric, Args args, PrometheusAuth auth) {
    String name = metric.name();
    PrometheusMetric prometheus = metric.prometheus().orElseThrow(() ->
        new IllegalArgumentException("metric \"" + name + "\" has no provider.prometheus"));
    Optional<Integer> count = metric.count().map(c -> integer(c, args, "count"));
    Optional<Duration> interval = metric.interval().map(i -> duration(args.resolve(i, "interval"), "interval"));
    Duration initialDelay = metric.initialDelay()
        .map(d -> duration(args.resolve(d, "initialDelay"), "initialDelay")).orElse(Duration.ZERO);
    MetricLimits limits = new MetricLimits(
        count.filter(c -> c != 0),
        interval,
        initialDelay,
        integer(metric.failureLimit(), args, "failureLimit"),
        integer(metric.inconclusiveLimit(), args, "inconclusiveLimit"),
        integer(metric.consecutiveErrorLimit(), args, "consecutiveErrorLimit"));
    MetricCriteria criteria = new MetricCriteria(
        metric.successCondition().map(c -> args.resolve(c, "successCondition")),
        metric.failureCondition().map(c -> args.resolve(c, "failureCondition")),
        Optional.of(metric.noData()));
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : prometheus.headers()) {
      headers.put(header.key(), args.resolve(header.value(), "header " + header.key()));
    }
    String timeoutText = prometheus.timeout().isInteger()
        ? prometheus.timeout().getIntValue() + "s"
        : args.resolve(prometheus.timeout().getStrValue(), "timeout");
    Duration timeout = Durations.parseSecondsOrDuration(new IntOrString(timeoutText));
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeoutText);
    }
    PrometheusQuery query = new PrometheusQuery(
        URI.create(args.resolve(prometheus.address(), "address").strip()),
        args.resolve(prometheus.query(), "query"),
        timeout,
        headers,
        auth,
        prometheus.insecure());
    return new ResolvedMetric(name, limits, criteria, query);
  }

  private static int integer(IntOrString value, Args args, String field) {
    IntOrString resolved = value.isInteger() ? value : new IntOrString(args.resolve(value.getStrValue(), field));
    int number = IntOrStrings.intValue(resolved, field);
    if (number < 0) {
      throw new IllegalArgumentException(field + " cannot be negative, got " + number);
    }
    return number;
  }

  private static Duration duration(String text, String field) {
    try {
      return Durations.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }
}
