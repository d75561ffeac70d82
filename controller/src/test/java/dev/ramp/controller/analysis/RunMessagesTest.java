package dev.ramp.controller.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.engine.AnalysisEngine;
import dev.ramp.analysis.engine.RunInput;
import dev.ramp.analysis.engine.RunUpdate;
import dev.ramp.analysis.prometheus.PrometheusQuery;
import dev.ramp.analysis.query.MetricProvider;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.BearerAuthentication;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricResult;
import dev.ramp.api.analysis.PrometheusAuthentication;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.api.analysis.ValueFrom;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The status the controller writes: the engine's, with messages a person can act on. */
class RunMessagesTest {
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
  private final RunInputs inputs = new RunInputs((namespace, name) -> Optional.empty());

  private AnalysisRunStatus reconcile(AnalysisRunSpec spec, AnalysisRunStatus status) {
    AnalysisRun run = new AnalysisRun(new V1ObjectMeta().namespace("team").name("run"), spec).withStatus(status);
    RunInput input = inputs.resolve(run);
    AnalysisEngine engine = new AnalysisEngine(prometheus, new Conditions(), clock);
    RunUpdate update = engine.reconcile(input, clock.instant()).block(Duration.ofSeconds(5));
    return RunMessages.compose(spec, input.args(), update.status());
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
  void anArgWithoutValueBecauseOfItsSecretNamesTheSecret() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("success-rate", "rate{tenant=\"{{args.tenant}}\"}")
        .successCondition("result[0] >= 0.95").build()),
        List.of(Argument.from("tenant", ValueFrom.secret("prometheus", "tenant"))));

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(asked).isEmpty();
    assertThat(status.phase()).isEqualTo(AnalysisPhase.ERROR);
    String expected = "query uses {{args.tenant}}, but arg \"tenant\" has no value: Secret team/prometheus not found";
    assertThat(status.message()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("metric \"success-rate\" Error: cannot measure: ").contains(expected));
    assertThat(status.metricResult("success-rate").orElseThrow().message())
        .hasValueSatisfying(m -> assertThat(m).contains(expected));

    AnalysisRunStatus again = RunMessages.compose(spec, Args.none(), status);
    assertThat(again).as("composing twice changes nothing").isEqualTo(status);
  }

  @Test
  void aMetricWhoseCredentialsCannotBeReadIsNeverQueriedAndErrorsNamingTheSecret() {
    PrometheusMetric withToken = new PrometheusMetric("http://prometheus:9090", "rate", null, List.of(),
        Optional.of(new PrometheusAuthentication(Optional.of(new BearerAuthentication(
            new V1SecretKeySelector().name("prometheus-token").key("token"))), Optional.empty())), false);
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(Metric.builder("success-rate").prometheus(withToken)
        .successCondition("result[0] >= 0.95").consecutiveErrorLimit(0).build()), List.of());

    AnalysisRunStatus status = reconcile(spec, AnalysisRunStatus.EMPTY);

    assertThat(asked).as("nothing is sent without the credentials").isEmpty();
    assertThat(status.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(status.message()).contains("metric \"success-rate\" Error: not queried: cannot read the bearer token"
        + " for Prometheus: Secret team/prometheus-token not found (1 consecutive error, more than"
        + " consecutiveErrorLimit 0)");
  }

  @Test
  void aRunningRunKeepsTheEnginesWords() {
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
