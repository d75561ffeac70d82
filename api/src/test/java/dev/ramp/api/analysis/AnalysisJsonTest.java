package dev.ramp.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.json.Manifests;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {

  private static final String TEMPLATE = """
      apiVersion: ramp.dev/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: success-rate
      spec:
        args:
        - name: service
        - name: token
          valueFrom:
            secretKeyRef: {name: prom, key: token}
        metrics:
        - name: success-rate
          interval: 1m
          count: "{{args.count}}"
          successCondition: result[0] >= 0.95
          provider:
            prometheus:
              address: https://prometheus.example:9090
              query: sum(rate(http_requests_total{service="{{args.service}}"}[1m]))
              headers:
              - {key: X-Scope-OrgID, value: team-a}
              authentication:
                bearer:
                  tokenSecretKeyRef: {name: prom, key: token}
        - name: latency
          failureCondition: result[0] > 0.5
          provider:
            prometheus:
              address: http://prometheus:9090
              query: histogram_quantile(0.99, rate(latency_bucket[1m]))
              timeout: 40
        dryRun:
        - metricName: latency
      """;

  private static AnalysisTemplate template() {
    return Manifests.fromTree(Manifests.readAll(TEMPLATE).get(0), AnalysisTemplate.class);
  }

  @Test
  void readsATemplateWithArgoDefaults() {
    AnalysisTemplateSpec spec = template().spec();

    Metric successRate = spec.metric("success-rate").orElseThrow();
    assertThat(successRate.parsedInterval()).contains(Duration.ofMinutes(1));
    assertThat(successRate.parsedInitialDelay()).isEqualTo(Duration.ZERO);
    assertThat(successRate.failureLimitValue()).isZero();
    assertThat(successRate.inconclusiveLimitValue()).isZero();
    assertThat(successRate.consecutiveErrorLimitValue()).isEqualTo(4);
    assertThat(successRate.noData()).isEqualTo(NoDataPolicy.INCONCLUSIVE);
    assertThat(successRate.count()).contains(new IntOrString("{{args.count}}"));
    PrometheusMetric prometheus = successRate.prometheus().orElseThrow();
    assertThat(prometheus.parsedTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(prometheus.headers()).containsExactly(new HttpHeader("X-Scope-OrgID", "team-a"));
    assertThat(prometheus.authentication().orElseThrow().bearer().orElseThrow().tokenSecretKeyRef().getKey())
        .isEqualTo("token");
    assertThat(prometheus.insecure()).isFalse();

    Metric latency = spec.metric("latency").orElseThrow();
    assertThat(latency.prometheus().orElseThrow().parsedTimeout()).as("whole seconds, as Argo writes them")
        .isEqualTo(Duration.ofSeconds(40));
    assertThat(latency.effectiveCount()).as("no interval: measured once").isEqualTo(OptionalInt.of(1));

    assertThat(spec.args()).extracting(Argument::name).containsExactly("service", "token");
    assertThat(spec.args().get(0).value()).isEmpty();
    assertThat(spec.args().get(1).valueFrom().orElseThrow().secretKeyRef().orElseThrow().getName()).isEqualTo("prom");
    assertThat(DryRun.covers(spec.dryRun(), "latency")).isTrue();
    assertThat(DryRun.covers(spec.dryRun(), "success-rate")).isFalse();
  }

  @Test
  void saysWhichPlaceholderIsUnresolved() {
    Metric successRate = template().spec().metric("success-rate").orElseThrow();
    assertThatThrownBy(successRate::effectiveCount)
        .hasMessageContaining("metric success-rate: count: expected a whole number, got \"{{args.count}}\"");
  }

  @Test
  void countsAsArgoDoes() {
    Metric.Builder m = Metric.builder("m").prometheus(PrometheusMetric.of("http://p:9090", "up"));
    assertThat(m.build().effectiveCount()).isEqualTo(OptionalInt.of(1));
    assertThat(m.interval("30s").build().effectiveCount()).as("interval without count runs until terminated")
        .isEmpty();
    assertThat(m.count(5).build().effectiveCount()).isEqualTo(OptionalInt.of(5));
    assertThat(m.count(new IntOrString("0")).build().effectiveCount()).isEmpty();
  }

  @Test
  void keepsMeasurementsByRetention() {
    List<MeasurementRetention> retention = List.of(new MeasurementRetention("*", 3), new MeasurementRetention("a", 20));
    assertThat(MeasurementRetention.limitFor(retention, "a")).isEqualTo(20);
    assertThat(MeasurementRetention.limitFor(retention, "b")).isEqualTo(3);
    assertThat(MeasurementRetention.limitFor(List.of(), "b")).isEqualTo(10);
  }

  @Test
  void roundTripsARunWithItsMeasurements() {
    OffsetDateTime t = OffsetDateTime.parse("2026-11-21T10:15:30.123456Z");
    Metric metric = template().spec().metric("success-rate").orElseThrow().toBuilder().count(3).build();
    Measurement nan = Measurement.builder(AnalysisPhase.INCONCLUSIVE)
        .value("NaN").noData(true).startedAt(t).finishedAt(t)
        .message("no data: the query returned NaN; noData: inconclusive")
        .metadata(Map.of("resolvedQuery", "sum(rate(x[1m]))"))
        .build();
    Measurement ok = Measurement.builder(AnalysisPhase.SUCCESSFUL).value("[0.97]").startedAt(t).finishedAt(t)
        .resumeAt(t.plusMinutes(1)).build();
    AnalysisRunStatus status = AnalysisRunStatus.builder()
        .phase(AnalysisPhase.RUNNING)
        .startedAt(t)
        .metricResults(List.of(MetricResult.builder("success-rate").phase(AnalysisPhase.RUNNING)
            .measurements(List.of(nan, ok)).count(2).successful(1).inconclusive(1).noData(1).build()))
        .runSummary(new RunSummary(1, 0, 0, 0, 0))
        .build();
    AnalysisRun run = new AnalysisRun(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("demo-1"),
        AnalysisRunSpec.of(List.of(metric), List.of(Argument.of("service", "demo")))).withStatus(status);

    AnalysisRun back = JSON.deserialize(JSON.serialize(run), AnalysisRun.class);

    assertThat(back).isEqualTo(run);
    ObjectNode tree = Manifests.toTree(run);
    assertThat(tree.at("/status/metricResults/0/measurements/0/value").asText()).isEqualTo("NaN");
    assertThat(tree.at("/status/metricResults/0/measurements/0/noData").asBoolean()).isTrue();
    assertThat(tree.at("/status/metricResults/0/measurements/1/value").asText()).isEqualTo("[0.97]");
    assertThat(tree.at("/status/phase").asText()).isEqualTo("Running");
    assertThat(tree.at("/spec/metrics/0/noData").asText()).isEqualTo("inconclusive");
    assertThat(tree.at("/spec").has("terminate")).isTrue();
    assertThat(back.status().metricResult("success-rate").orElseThrow().lastMeasurement()).contains(ok);
  }

  @Test
  void aRunWithoutStatusIsPendingAndWritesNoStatus() {
    AnalysisRun run = new AnalysisRun(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("r"),
        AnalysisRunSpec.of(List.of(), List.of()));
    assertThat(run.status().phase()).isEqualTo(AnalysisPhase.PENDING);
    assertThat(Manifests.toTree(run).has("status")).isFalse();
    assertThat(AnalysisPhase.PENDING.isCompleted()).isFalse();
    assertThat(AnalysisPhase.INCONCLUSIVE.isCompleted()).isTrue();
  }

  @Test
  void replacesOneMetricResult() {
    AnalysisRunStatus status = AnalysisRunStatus.EMPTY
        .withMetricResult(MetricResult.builder("a").phase(AnalysisPhase.RUNNING).build())
        .withMetricResult(MetricResult.builder("b").phase(AnalysisPhase.RUNNING).build())
        .withMetricResult(MetricResult.builder("a").phase(AnalysisPhase.FAILED).build());
    assertThat(status.metricResults()).extracting(MetricResult::name, MetricResult::phase)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", AnalysisPhase.FAILED),
            org.assertj.core.groups.Tuple.tuple("b", AnalysisPhase.RUNNING));
  }

  @Test
  void noDataPoliciesMapToMeasurementPhases() {
    assertThat(NoDataPolicy.FAIL.measurementPhase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(NoDataPolicy.INCONCLUSIVE.measurementPhase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(NoDataPolicy.PASS.measurementPhase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }
}
