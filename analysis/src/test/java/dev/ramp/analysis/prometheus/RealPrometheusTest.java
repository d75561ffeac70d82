package dev.ramp.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.engine.AnalysisEngine;
import dev.ramp.analysis.engine.RunInput;
import dev.ramp.analysis.engine.RunUpdate;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.sandbox.prometheus.PrometheusServer;
import dev.ramp.sandbox.prometheus.SimulatedWorkload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against a real Prometheus (Debian's package, see .ci/install-prometheus) scraping a
 * simulated service with two revisions: the success-rate query a team would write, end to end.
 */
class RealPrometheusTest {

  private static final String SUCCESS_RATE =
      "sum(rate(http_requests_total{revision=\"{{args.revision}}\",code!~\"5..\"}[30s]))"
          + " / sum(rate(http_requests_total{revision=\"{{args.revision}}\"}[30s]))";

  private static SimulatedWorkload workload;
  private static PrometheusServer prometheus;
  private static final PrometheusProvider provider = new PrometheusProvider();
  private static final AnalysisEngine engine = new AnalysisEngine(provider, new Conditions(), Clock.systemUTC());

  @BeforeAll
  static void start() {
    workload = SimulatedWorkload.start()
        .requestRate(200)
        .trafficShares(Map.of("stable", 50, "canary", 50))
        .errorRatio("stable", 0.02)
        .errorRatio("canary", 0.30);
    prometheus = PrometheusServer.start(List.of(workload.target()));
    // rate() over 30s needs two scrapes of each series: poll, bounded, until both revisions have data
    for (String revision : List.of("stable", "canary")) {
      PrometheusQuery query = PrometheusQuery.of(prometheus.url().toString(),
          Args.of(Map.of("revision", revision)).resolve(SUCCESS_RATE, "query"));
      provider.query(query)
          .filter(result -> result instanceof QueryResult.Values)
          .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(250)))
          .block(Duration.ofSeconds(30));
    }
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (workload != null) {
      workload.close();
    }
  }

  private RunUpdate analyse(String revision) {
    Metric metric = Metric.builder("success-rate")
        .successCondition("result[0] >= 0.95")
        .prometheus(PrometheusMetric.of(prometheus.url().toString(), SUCCESS_RATE))
        .build();
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric), List.of(Argument.declared("revision")));
    return engine.reconcile(RunInput.of(spec, AnalysisRunStatus.EMPTY, Args.of(Map.of("revision", revision))),
        Instant.now()).block(Duration.ofSeconds(40));
  }

  private static double measured(RunUpdate update) {
    Measurement measurement = update.status().metricResult("success-rate").orElseThrow().lastMeasurement().orElseThrow();
    String value = measurement.value().orElseThrow();
    assertThat(value).startsWith("[").endsWith("]");
    return Double.parseDouble(value.substring(1, value.length() - 1));
  }

  @Test
  void aRevisionWithTwoPercentErrorsMeasuresAbout98PercentAndIsSuccessful() {
    RunUpdate update = analyse("stable");

    assertThat(measured(update)).isCloseTo(0.98, within(0.005));
    assertThat(update.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void aRevisionWithThirtyPercentErrorsFails() {
    RunUpdate update = analyse("canary");

    assertThat(measured(update)).isCloseTo(0.70, within(0.005));
    assertThat(update.status().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(update.status().message()).hasValueSatisfying(message -> assertThat(message)
        .contains("success-rate").contains("successCondition \"result[0] >= 0.95\" is false for [0.7"));
  }

  @Test
  void promqlThatDoesNotParseIsAnErrorWithPrometheusOwnWords() {
    QueryResult result = provider.query(PrometheusQuery.of(prometheus.url().toString(), "sum(rate(x[1m])"))
        .block(Duration.ofSeconds(10));

    assertThat(result).isInstanceOfSatisfying(QueryResult.Failure.class, failure -> assertThat(failure.message())
        .startsWith("Prometheus rejected the query (HTTP 400, bad_data): ")
        .contains("parse error"));
  }

  @Test
  void aSeriesThatDoesNotExistIsNoData() {
    QueryResult result = provider.query(PrometheusQuery.of(prometheus.url().toString(),
        "sum(rate(http_requests_total{revision=\"never-deployed\"}[30s]))")).block(Duration.ofSeconds(10));

    assertThat(result).isEqualTo(new QueryResult.NoData(QueryResult.NoData.Kind.EMPTY, List.of()));
  }
}
