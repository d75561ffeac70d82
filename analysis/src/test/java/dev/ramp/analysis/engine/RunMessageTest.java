package dev.ramp.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.analysis.args.ArgValue;
import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.prometheus.PrometheusQuery;
import dev.ramp.analysis.query.MetricProvider;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.DryRun;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricResult;
import dev.ramp.api.analysis.PrometheusMetric;
import io.kubernetes.client.custom.IntOrString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The run's message as a person reads it on the Rollout that aborted or paused: every metric that
 * decided the run, with the condition, the value and the limit.
 */
class RunMessageTest {
  private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final Map<String, Double> values = Map.of("rate", 0.7, "latency", 2.5, "good", 0.99);
  private final List<PrometheusQuery> asked = new ArrayList<>();
  private final MetricProvider<PrometheusQuery> prometheus = query -> {
    asked.add(query);
    Double value = values.get(query.query());
    return Mono.just(value == null ? new QueryResult.Failure("Prometheus at " + query.address()
        + " is unreachable: connection refused") : QueryResult.of(List.of(value)));
  };
  private final AnalysisEngine engine = new AnalysisEngine(prometheus, new Conditions(), clock);

  private AnalysisRunStatus reconcile(RunInput input) {
    return engine.reconcile(input, clock.instant()).block(Duration.ofSeconds(5)).status();
  }

  private AnalysisRunStatus reconcile(AnalysisRunSpec spec, AnalysisRunStatus status) {
    return reconcile(RunInput.of(spec, status, Args.of(argValues(spec))));
  }

  private static Map<String, String> argValues(AnalysisRunSpec spec) {
    Map<String, String> values = new HashMap<>();
    spec.args().forEach(arg -> arg.value().ifPresent(v -> values.put(arg.name(), v)));
    return values;
  }

  private static Metric.Builder metric(String name, String query) {
    return Metric.builder(name).prometheus(PrometheusMetric.of("http://prometheus:9090", query));
  }

  @Test
  void aFailedRunNamesTheMetricTheConditionTheValueAndTheLimit() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("success-rate", "rate").successCondition("result[0] >= 0.95").build()), List.of());

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(status.message()).contains("metric \"success-rate\" Failed: successCondition \"result[0] >= 0.95\""
        + " is false for [0.7] (1 Failed measurement, more than failureLimit 0)");
  }

  @Test
  void everyMetricThatDecidedTheRunIsNamed() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("success-rate", "rate").successCondition("result[0] >= 0.95").build(),
        metric("latency", "latency").failureCondition("result[0] > 1").build(),
        metric("fine", "good").successCondition("result[0] > 0.9").build()), List.of());

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(status.message()).contains("metric \"success-rate\" Failed: successCondition \"result[0] >= 0.95\""
        + " is false for [0.7] (1 Failed measurement, more than failureLimit 0); metric \"latency\" Failed:"
        + " failureCondition \"result[0] > 1\" is true for [2.5] (1 Failed measurement, more than failureLimit 0)");
  }

  @Test
  void aDryRunMetricIsNotNamedAmongThoseThatDecided() {
    AnalysisRunSpec spec = new AnalysisRunSpec(List.of(
        metric("success-rate", "rate").successCondition("result[0] >= 0.95").build(),
        metric("trial", "latency").failureCondition("result[0] > 1").build()),
        List.of(), false, List.of(new DryRun("trial")), List.of());

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(status.message()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("metric \"success-rate\" Failed: ").doesNotContain("trial"));
  }

  @Test
  void aLimitGivenAsAnArgIsShownWithItsValue() {
    Metric template = metric("success-rate", "rate").interval("1m").count(3).successCondition("result[0] >= 0.95")
        .build();
    Metric withArgLimit = new Metric(template.name(), template.interval(), template.initialDelay(), template.count(),
        template.successCondition(), template.failureCondition(), new IntOrString("{{args.tolerated}}"),
        template.inconclusiveLimit(), template.consecutiveErrorLimit(), template.noData(), template.provider());
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(withArgLimit), List.of(Argument.of("tolerated", "1")));

    AnalysisRunStatus first = reconcile(spec, AnalysisRunStatus.EMPTY);
    assertThat(first.phase()).as("one Failed measurement is within failureLimit 1").isEqualTo(AnalysisPhase.RUNNING);
    AnalysisRunStatus second = reconcile(spec, first.toBuilder().metricResults(List.of(
        lastMeasuredLongAgo(first.metricResult("success-rate").orElseThrow()))).build());

    assertThat(second.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(second.message()).contains("metric \"success-rate\" Failed: successCondition \"result[0] >= 0.95\""
        + " is false for [0.7] (2 Failed measurements, more than failureLimit 1)");
  }

  @Test
  void anErrorRunSaysWhatFailedAndHowOften() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("success-rate", "unanswered").successCondition("result[0] >= 0.95").consecutiveErrorLimit(0).build()),
        List.of());

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(status.message()).contains("metric \"success-rate\" Error: Prometheus at http://prometheus:9090 is"
        + " unreachable: connection refused (1 consecutive error, more than consecutiveErrorLimit 0)");
  }

  @Test
  void anArgWithoutValueNamesWhyItHasNone() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("success-rate", "rate{tenant=\"{{args.tenant}}\"}")
        .successCondition("result[0] >= 0.95").build()), List.of(Argument.declared("tenant")));
    RunInput input = RunInput.of(spec, AnalysisRunStatus.EMPTY,
        new Args(Map.of("tenant", ArgValue.unresolved("Secret team/prometheus not found"))));

    AnalysisRunStatus status = reconcile(input);

    assertThat(asked).isEmpty();
    assertThat(status.phase()).isEqualTo(AnalysisPhase.ERROR);
    String expected = "query uses {{args.tenant}}, but arg \"tenant\" has no value: Secret team/prometheus not found";
    assertThat(status.message()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("metric \"success-rate\" Error: cannot measure: ").contains(expected));
    assertThat(status.metricResult("success-rate").orElseThrow().message())
        .hasValueSatisfying(m -> assertThat(m).contains(expected));

    RunInput again = RunInput.of(spec, status, input.args());
    assertThat(reconcile(again)).as("a decided run's message does not change").isEqualTo(status);
  }

  @Test
  void aMetricWhoseCredentialsCannotBeReadIsNeverQueriedAndErrorsNamingTheSecret() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("success-rate", "rate")
        .successCondition("result[0] >= 0.95").consecutiveErrorLimit(0).build()), List.of());
    RunInput input = new RunInput(spec, AnalysisRunStatus.EMPTY, Args.none(), Map.of("success-rate",
        MetricCredentials.unreadable("cannot read the bearer token for Prometheus: Secret team/prometheus-token"
            + " not found")));

    AnalysisRunStatus status = reconcile(input);

    assertThat(asked).as("nothing is sent without the credentials").isEmpty();
    assertThat(status.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(status.message()).contains("metric \"success-rate\" Error: not queried: cannot read the bearer token"
        + " for Prometheus: Secret team/prometheus-token not found (1 consecutive error, more than"
        + " consecutiveErrorLimit 0)");
  }

  @Test
  void aMetricDecidedWithoutPassingALimitKeepsItsOwnVerdict() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("success-rate", "rate").interval("1m").failureLimit(5).successCondition("result[0] >= 0.95").build()),
        List.of());
    AnalysisRunStatus running = reconcile(spec, AnalysisRunStatus.EMPTY);
    assertThat(running.phase()).isEqualTo(AnalysisPhase.RUNNING);

    AnalysisRunStatus terminated = reconcile(spec.withTerminate(true), running);

    assertThat(terminated.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(terminated.message()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("metric \"success-rate\" Failed: terminated after 1 measurement, none Successful; last: [0.7], ")
        .contains("successCondition \"result[0] >= 0.95\" is false for [0.7]"));
  }

  @Test
  void aRunningRunHasNoMessage() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("success-rate", "good").interval("1m").count(3).successCondition("result[0] >= 0.95").build()),
        List.of());

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(status.message()).isEmpty();
  }

  /** The result as if its last measurement had finished an hour ago, so that the next one is due. */
  private static MetricResult lastMeasuredLongAgo(MetricResult result) {
    return result.toBuilder().measurements(result.measurements().stream()
        .map(m -> m.toBuilder().finishedAt(T0.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
            .startedAt(T0.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).build())
        .toList()).build();
  }
}
