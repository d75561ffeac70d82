package dev.ramp.analysis.engine;

import static dev.ramp.api.analysis.AnalysisPhase.ERROR;
import static dev.ramp.api.analysis.AnalysisPhase.FAILED;
import static dev.ramp.api.analysis.AnalysisPhase.INCONCLUSIVE;
import static dev.ramp.api.analysis.AnalysisPhase.PENDING;
import static dev.ramp.api.analysis.AnalysisPhase.RUNNING;
import static dev.ramp.api.analysis.AnalysisPhase.SUCCESSFUL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.analysis.args.ArgValue;
import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.analysis.prometheus.PrometheusQuery;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.analysis.testing.MutableClock;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.DryRun;
import dev.ramp.api.analysis.HttpHeader;
import dev.ramp.api.analysis.MeasurementRetention;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricResult;
import dev.ramp.api.analysis.NoDataPolicy;
import dev.ramp.api.analysis.PrometheusMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AnalysisEngineTest {

  private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  /** Answers per query text, in order; the last one repeats. */
  private final Map<String, Deque<QueryResult>> answers = new HashMap<>();
  private final List<PrometheusQuery> asked = new ArrayList<>();
  private final AnalysisEngine engine = new AnalysisEngine(query -> {
    asked.add(query);
    Deque<QueryResult> queue = answers.get(query.query());
    QueryResult answer = queue == null ? new QueryResult.Failure("no answer for " + query.query())
        : queue.size() > 1 ? queue.poll() : queue.peek();
    clock.advance(Duration.ofMillis(200)); // a query takes a little while
    return Mono.just(answer);
  }, new Conditions(), clock);

  private void answer(String query, QueryResult... results) {
    answers.put(query, new ArrayDeque<>(List.of(results)));
  }

  private static QueryResult value(double v) {
    return QueryResult.of(List.of(v));
  }

  private static Metric.Builder metric(String name, String query) {
    return Metric.builder(name).prometheus(PrometheusMetric.of("http://prometheus:9090", query));
  }

  private RunUpdate reconcile(AnalysisRunSpec spec, AnalysisRunStatus status, Instant now) {
    return engine.reconcile(RunInput.of(spec, status, Args.none()), now).block(Duration.ofSeconds(5));
  }

  private static MetricResult result(RunUpdate update, String name) {
    return update.status().metricResult(name).orElseThrow();
  }

  @Test
  void aSingleSuccessfulMeasurementMakesASuccessfulRun() {
    answer("rate", value(0.97));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("success-rate", "rate")
        .successCondition("result[0] >= 0.95").build()), List.of());

    RunUpdate update = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    assertThat(update.measured()).containsExactly("success-rate");
    assertThat(update.status().phase()).isEqualTo(SUCCESSFUL);
    assertThat(update.status().startedAt()).hasValueSatisfying(t -> assertThat(t.toInstant()).isEqualTo(T0));
    MetricResult result = result(update, "success-rate");
    assertThat(result.phase()).isEqualTo(SUCCESSFUL);
    assertThat(result.count()).isEqualTo(1);
    assertThat(result.measurements()).singleElement().satisfies(m -> {
      assertThat(m.phase()).isEqualTo(SUCCESSFUL);
      assertThat(m.value()).contains("[0.97]");
      assertThat(m.message()).contains("successCondition \"result[0] >= 0.95\" is true for [0.97]");
      assertThat(m.startedAt().orElseThrow().toInstant()).isEqualTo(T0);
      assertThat(m.finishedAt().orElseThrow().toInstant()).isEqualTo(T0.plusMillis(200));
    });
    assertThat(update.status().runSummary().successful()).isEqualTo(1);
    assertThat(update.nextAttention()).isEmpty();
  }

  @Test
  void theFirstMeasurementWaitsForTheInitialDelay() {
    answer("rate", value(0.97));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").initialDelay("30s").build()), List.of());

    RunUpdate first = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    assertThat(first.measured()).isEmpty();
    assertThat(asked).isEmpty();
    assertThat(first.status().phase()).isEqualTo(RUNNING);
    assertThat(result(first, "m").phase()).isEqualTo(PENDING);
    assertThat(first.nextAttention()).contains(T0.plusSeconds(30));

    RunUpdate second = reconcile(spec, first.status(), T0.plusSeconds(30));
    assertThat(second.measured()).containsExactly("m");
    assertThat(second.status().phase()).isEqualTo(SUCCESSFUL);
  }

  @Test
  void aRestartedControllerNeitherRepeatsNorSkipsAMeasurement() {
    answer("rate", value(0.97));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").interval("1m").count(3).build()), List.of());

    RunUpdate first = reconcile(spec, AnalysisRunStatus.EMPTY, T0);
    Instant next = first.nextAttention().orElseThrow();
    assertThat(next).isEqualTo(T0.plusMillis(200).plus(Duration.ofMinutes(1)));
    assertThat(result(first, "m").lastMeasurement().orElseThrow().resumeAt())
        .hasValueSatisfying(t -> assertThat(t.toInstant()).isEqualTo(next));

    // a new controller reads the same status a few seconds later: nothing is due yet
    RunUpdate again = reconcile(spec, first.status(), T0.plusSeconds(5));
    assertThat(again.measured()).isEmpty();
    assertThat(result(again, "m").count()).isEqualTo(1);
    assertThat(again.nextAttention()).contains(next);
    assertThat(engine.plan(RunInput.of(spec, first.status(), Args.none()), T0.plusSeconds(5)).due()).isEmpty();

    // at the interval, exactly one more
    RunUpdate second = reconcile(spec, again.status(), next);
    assertThat(second.measured()).containsExactly("m");
    assertThat(result(second, "m").count()).isEqualTo(2);
    assertThat(second.status().phase()).isEqualTo(RUNNING);
    assertThat(asked).hasSize(2);
  }

  @Test
  void ar2158SiblingsOfAFailedMetricAreNotMarkedSuccessful() {
    answer("errors", value(0.3));
    answer("latency", value(0.1));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("error-rate", "errors").interval("1m").count(3).failureCondition("result[0] > 0.05").build(),
        metric("latency", "latency").interval("1m").count(3).successCondition("result[0] < 0.5").build()),
        List.of());

    RunUpdate update = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    assertThat(update.status().phase()).isEqualTo(FAILED);
    assertThat(update.status().message()).hasValueSatisfying(m -> assertThat(m)
        .isEqualTo("metric \"error-rate\" Failed: failureCondition \"result[0] > 0.05\" is true for [0.3]"
            + " (1 Failed measurement, more than failureLimit 0)"));
    assertThat(result(update, "error-rate").phase()).isEqualTo(FAILED);
    assertThat(result(update, "latency").phase()).isEqualTo(RUNNING);
    assertThat(update.nextAttention()).isEmpty();

    RunUpdate later = reconcile(spec, update.status(), T0.plus(Duration.ofHours(1)));
    assertThat(later.measured()).isEmpty();
    assertThat(later.status()).isEqualTo(update.status());
  }

  @Test
  void ar4479APrometheusThatIsDownEndsInErrorNeverSuccessful() {
    answer("rate", new QueryResult.Failure("Prometheus at http://prometheus:9090 is unreachable: connection refused"));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").successCondition("result[0] >= 0.95").build()),
        List.of());

    AnalysisRunStatus status = AnalysisRunStatus.EMPTY;
    Instant now = T0;
    List<Instant> measuredAt = new ArrayList<>();
    for (int i = 0; i < 10 && !status.phase().isCompleted(); i++) {
      RunUpdate update = reconcile(spec, status, now);
      assertThat(update.status().phase()).isNotEqualTo(SUCCESSFUL);
      measuredAt.add(now);
      status = update.status();
      now = update.nextAttention().orElse(now);
    }

    assertThat(status.phase()).isEqualTo(ERROR);
    MetricResult result = status.metricResult("m").orElseThrow();
    assertThat(result.error()).isEqualTo(5);
    assertThat(result.consecutiveError()).isEqualTo(5);
    assertThat(result.message()).hasValueSatisfying(m -> assertThat(m)
        .isEqualTo("5 consecutive errors, more than consecutiveErrorLimit 4:"
            + " Prometheus at http://prometheus:9090 is unreachable: connection refused"));
    // errors are retried after 10 s, not after an interval
    assertThat(Duration.between(measuredAt.get(0), measuredAt.get(1))).isEqualTo(Duration.ofMillis(10_200));
  }

  @Test
  void noDataFollowsTheMetricsPolicyAndIsRecordedAsSuch() {
    answer("idle", QueryResult.of(List.of(Double.NaN)));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(
        metric("idle-canary", "idle").successCondition("result[0] >= 0.95").build()), List.of());

    RunUpdate update = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    // the API's default policy is Inconclusive: pause for a person, neither promote nor abort
    assertThat(update.status().phase()).isEqualTo(INCONCLUSIVE);
    MetricResult result = result(update, "idle-canary");
    assertThat(result.noData()).isEqualTo(1);
    assertThat(result.measurements().get(0).noData()).isTrue();
    assertThat(result.measurements().get(0).value()).contains("[NaN]");
    assertThat(result.measurements().get(0).message()).contains("no data: the query returned NaN (noData: inconclusive)");

    AnalysisRunSpec passing = AnalysisRunSpec.of(List.of(metric("idle-canary", "idle")
        .successCondition("result[0] >= 0.95").noData(NoDataPolicy.PASS).build()), List.of());
    assertThat(reconcile(passing, AnalysisRunStatus.EMPTY, T0).status().phase()).isEqualTo(SUCCESSFUL);
  }

  @Test
  void argsAndCredentialsReachTheQuery() {
    answer("sum(rate(http_requests_total{revision=\"abc123\"}[1m]))", value(1));
    Metric metric = Metric.builder("m")
        .successCondition("result[0] >= {{args.threshold}}")
        .prometheus(new PrometheusMetric("http://{{args.prometheus}}:9090",
            "sum(rate(http_requests_total{revision=\"{{args.hash}}\"}[1m]))", null,
            List.of(new HttpHeader("X-Scope-OrgID", "{{args.tenant}}")), Optional.empty(), false))
        .build();
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric), List.of());
    Args args = Args.of(Map.of("hash", "abc123", "prometheus", "prom.monitoring", "tenant", "shop", "threshold", "0.5"));

    RunUpdate update = engine.reconcile(new RunInput(spec, AnalysisRunStatus.EMPTY, args,
        Map.of("m", MetricCredentials.of(new PrometheusAuth.BearerToken("t0ken")))), T0).block();

    assertThat(update.status().phase()).isEqualTo(SUCCESSFUL);
    assertThat(asked).singleElement().satisfies(q -> {
      assertThat(q.address().toString()).isEqualTo("http://prom.monitoring:9090");
      assertThat(q.headers()).containsEntry("X-Scope-OrgID", "shop");
      assertThat(q.auth()).isEqualTo(new PrometheusAuth.BearerToken("t0ken"));
      assertThat(q.timeout()).isEqualTo(Duration.ofSeconds(30));
    });
  }

  @Test
  void anArgWithoutValueIsAnErrorAtOnceNamingItAndWhy() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "up{pod=~\"{{args.canary-hash}}.*\"}").build()),
        List.of(Argument.declared("canary-hash")));
    Args unresolved = new Args(Map.of("canary-hash", ArgValue.unresolved("Secret default/absent not found")));

    RunUpdate update = engine.reconcile(RunInput.of(spec, AnalysisRunStatus.EMPTY, unresolved), T0).block();

    assertThat(asked).isEmpty();
    assertThat(update.status().phase()).isEqualTo(ERROR);
    String expected = "cannot measure: query uses {{args.canary-hash}}, but arg \"canary-hash\" has no value:"
        + " Secret default/absent not found";
    assertThat(result(update, "m").message()).contains(expected);
    assertThat(update.status().message()).contains("metric \"m\" Error: " + expected);
  }

  @Test
  void aMetricWhoseCredentialsAreUnreadableIsNeverQueriedAndErrorsNamingWhyUntilTheyCanBeRead() {
    answer("rate", value(0.99));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").successCondition("result[0] >= 0.95")
        .build()), List.of());
    String reason = "cannot read the bearer token for Prometheus: Secret team/prometheus-token not found";
    Map<String, MetricCredentials> unreadable = Map.of("m", MetricCredentials.unreadable(reason));

    RunUpdate first = engine.reconcile(new RunInput(spec, AnalysisRunStatus.EMPTY, Args.none(), unreadable), T0)
        .block();

    assertThat(asked).as("nothing is sent without the credentials").isEmpty();
    assertThat(first.measured()).containsExactly("m");
    assertThat(first.status().phase()).isEqualTo(RUNNING);
    MetricResult result = result(first, "m");
    assertThat(result.error()).isEqualTo(1);
    assertThat(result.measurements()).singleElement().satisfies(m -> {
      assertThat(m.phase()).isEqualTo(ERROR);
      assertThat(m.message()).contains("not queried: " + reason);
      assertThat(m.value()).isEmpty();
      assertThat(m.startedAt().orElseThrow().toInstant()).isEqualTo(T0);
    });
    assertThat(first.nextAttention()).as("tried again like any Error").contains(T0.plusSeconds(10));

    // the Secret is there now
    RunUpdate second = engine.reconcile(new RunInput(spec, first.status(), Args.none(),
        Map.of("m", MetricCredentials.of(new PrometheusAuth.BearerToken("t0ken")))), T0.plusSeconds(10)).block();

    assertThat(second.status().phase()).isEqualTo(SUCCESSFUL);
    assertThat(asked).singleElement().satisfies(q ->
        assertThat(q.auth()).isEqualTo(new PrometheusAuth.BearerToken("t0ken")));
  }

  @Test
  void aConditionThatDoesNotCompileIsAnErrorAtOnce() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "q").successCondition("result[0] >=").build()),
        List.of());

    RunUpdate update = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    assertThat(asked).isEmpty();
    assertThat(update.status().phase()).isEqualTo(ERROR);
    assertThat(result(update, "m").message()).hasValueSatisfying(m ->
        assertThat(m).startsWith("cannot measure: condition \"result[0] >=\" at 1:13: "));
  }

  @Test
  void terminatingEndsABackgroundRunOnItsEvidence() {
    answer("rate", value(0.99));
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").interval("1m")
        .successCondition("result[0] >= 0.95").build()), List.of());
    AnalysisRunStatus status = AnalysisRunStatus.EMPTY;
    Instant now = T0;
    for (int i = 0; i < 3; i++) {
      RunUpdate update = reconcile(spec, status, now);
      assertThat(update.status().phase()).isEqualTo(RUNNING);
      status = update.status();
      now = update.nextAttention().orElseThrow();
    }

    RunUpdate terminated = reconcile(spec.withTerminate(true), status, now);

    assertThat(terminated.measured()).isEmpty();
    assertThat(terminated.status().phase()).isEqualTo(SUCCESSFUL);
    assertThat(result(terminated, "m").message()).hasValueSatisfying(m -> assertThat(m).startsWith("terminated after 3 measurements"));
    assertThat(terminated.nextAttention()).isEmpty();
  }

  @Test
  void terminatingBeforeAnyMeasurementIsNotSuccessful() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").interval("1m").initialDelay("5m").build()),
        List.of());
    RunUpdate first = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    RunUpdate terminated = reconcile(spec.withTerminate(true), first.status(), T0.plusSeconds(10));

    assertThat(terminated.status().phase()).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void dryRunMetricsAreMeasuredButDoNotDecide() {
    answer("good", value(0.99));
    answer("trial", value(0.10));
    AnalysisRunSpec spec = new AnalysisRunSpec(List.of(
        metric("real", "good").successCondition("result[0] >= 0.95").build(),
        metric("experimental", "trial").successCondition("result[0] >= 0.95").build()),
        List.of(), false, List.of(new DryRun("experimental")), List.of());

    RunUpdate update = reconcile(spec, AnalysisRunStatus.EMPTY, T0);

    assertThat(update.status().phase()).isEqualTo(SUCCESSFUL);
    assertThat(result(update, "experimental").phase()).isEqualTo(FAILED);
    assertThat(result(update, "experimental").dryRun()).isTrue();
    assertThat(update.status().runSummary().count()).isEqualTo(1);
    assertThat(update.status().dryRunSummary()).hasValueSatisfying(s -> assertThat(s.failed()).isEqualTo(1));
  }

  @Test
  void measurementsAreKeptUpToTheRetentionWithExactCounters() {
    answer("rate", value(0.99));
    AnalysisRunSpec spec = new AnalysisRunSpec(List.of(metric("m", "rate").interval("10s").count(5).build()),
        List.of(), false, List.of(), List.of(new MeasurementRetention("m", 2)));
    AnalysisRunStatus status = AnalysisRunStatus.EMPTY;
    Instant now = T0;
    for (int i = 0; i < 5; i++) {
      RunUpdate update = reconcile(spec, status, now);
      status = update.status();
      now = update.nextAttention().orElse(now);
    }

    MetricResult result = status.metricResult("m").orElseThrow();
    assertThat(status.phase()).isEqualTo(SUCCESSFUL);
    assertThat(result.measurements()).hasSize(2);
    assertThat(result.count()).isEqualTo(5);
    assertThat(result.successful()).isEqualTo(5);
  }

  @Test
  void aCompletedRunIsLeftAlone() {
    AnalysisRunStatus done = AnalysisRunStatus.builder().phase(FAILED).message("earlier").build();
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m", "rate").build()), List.of());

    RunUpdate update = reconcile(spec, done, T0);

    assertThat(update.status()).isEqualTo(done);
    assertThat(update.measured()).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void aDecidedDryRunMetricIsNotMeasuredAgain() {
    answer("good", value(0.99));
    AnalysisRunSpec spec = new AnalysisRunSpec(List.of(
        metric("real", "good").interval("1m").count(3).build(),
        metric("broken", "up{x=\"{{args.missing}}\"}").build()),
        List.of(), false, List.of(new DryRun("broken")), List.of());

    RunUpdate first = reconcile(spec, AnalysisRunStatus.EMPTY, T0);
    assertThat(result(first, "broken").phase()).isEqualTo(ERROR);
    assertThat(first.status().phase()).isEqualTo(RUNNING);

    RunInput again = RunInput.of(spec, first.status(), Args.none());
    assertThat(engine.plan(again, T0.plusSeconds(1)).due()).isEmpty();
    assertThat(engine.plan(again, T0.plusSeconds(1)).nextAttention()).isEqualTo(first.nextAttention());
  }

  @Test
  void measuringIsLazyAndConcurrent() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("a", "a").build(), metric("b", "b").build(),
        metric("c", "c").build()), List.of());
    engine.reconcile(RunInput.of(spec, AnalysisRunStatus.EMPTY, Args.none()), T0);
    assertThat(asked).as("nothing is queried before the caller subscribes").isEmpty();

    // each query takes 300 ms of virtual time: together they finish after 300 ms, not 900 ms
    AnalysisEngine slow = new AnalysisEngine(query -> Mono.just((QueryResult) QueryResult.of(List.of(1.0)))
        .delayElement(Duration.ofMillis(300)), new Conditions(), clock);
    StepVerifier.withVirtualTime(() -> slow.reconcile(RunInput.of(spec, AnalysisRunStatus.EMPTY, Args.none()), T0))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(300))
        .assertNext(update -> {
          assertThat(update.status().phase()).isEqualTo(SUCCESSFUL);
          assertThat(update.status().metricResults()).extracting(MetricResult::name).containsExactly("a", "b", "c");
        })
        .verifyComplete();
  }
}
