package dev.ramp.controller.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonPrimitive;
import dev.ramp.api.RampClients;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.BearerAuthentication;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricResult;
import dev.ramp.api.analysis.PrometheusAuthentication;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.api.analysis.ValueFrom;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller as it ships, against the sandbox, with WireMock as Prometheus: AnalysisRuns created
 * by hand are measured at their interval, judged and finished, and the Secrets they name are read.
 */
class AnalysisRunControllerTest {
  private static final String NS = SandboxCluster.NS;
  private static final String QUERY_PATH = "/api/v1/query";
  private static SandboxCluster cluster;
  private static RunningController controller;
  private static WireMockServer prometheus;

  @BeforeAll
  static void start() {
    prometheus = new WireMockServer(wireMockConfig().dynamicPort());
    prometheus.start();
    cluster = SandboxCluster.start(false);
    controller = RunningController.start(cluster);
  }

  @AfterAll
  static void stop() {
    controller.close();
    cluster.close();
    prometheus.stop();
  }

  @Test
  void aMetricIsMeasuredAtItsIntervalUntilCountThenTheRunIsSuccessful() {
    answer("ok_rate", 0.99);
    create("counted", metric("success-rate", "ok_rate").interval("1s").count(3)
        .successCondition("result[0] >= 0.95").build());

    await("the run is Successful", () -> phase("counted") == AnalysisPhase.SUCCESSFUL, () -> describe("counted"));

    MetricResult result = result("counted", "success-rate");
    assertThat(result.count()).isEqualTo(3);
    assertThat(result.successful()).isEqualTo(3);
    assertThat(result.measurements()).hasSize(3).allSatisfy(m -> assertThat(m.value()).contains("[0.99]"));
    assertThat(queried("ok_rate")).as("queries sent").isEqualTo(3);
    assertIntervalsKept(result.measurements(), Duration.ofSeconds(1));
    assertThat(status("counted").message()).contains("all metrics Successful");
  }

  @Test
  void aFailingValueFailsTheRunNamingMetricValueAndLimit() {
    answer("bad_rate", 0.7);
    create("failing", metric("success-rate", "bad_rate").interval("1s").count(3)
        .successCondition("result[0] >= 0.95").build());

    await("the run Failed", () -> phase("failing") == AnalysisPhase.FAILED, () -> describe("failing"));

    assertThat(status("failing").message()).contains("metric \"success-rate\" Failed: successCondition"
        + " \"result[0] >= 0.95\" is false for [0.7] (1 Failed measurement, more than failureLimit 0)");
    LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
    assertThat(queried("bad_rate")).as("a decided run is not measured again").isEqualTo(1);
  }

  @Test
  void aPrometheusThatIsDownGivesErrorMeasurementsThenAnErrorRun() {
    String address = "http://127.0.0.1:" + closedPort();
    create("unreachable", Metric.builder("success-rate").prometheus(PrometheusMetric.of(address, "any_rate"))
        .interval("500ms").successCondition("result[0] >= 0.95").consecutiveErrorLimit(2).build());

    await("the run is Error", () -> phase("unreachable") == AnalysisPhase.ERROR, () -> describe("unreachable"));

    MetricResult result = result("unreachable", "success-rate");
    assertThat(result.error()).isEqualTo(3);
    assertThat(result.consecutiveError()).isEqualTo(3);
    assertThat(result.count()).as("errors are no evidence").isZero();
    assertThat(result.measurements()).hasSize(3).allSatisfy(m -> {
      assertThat(m.phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(m.message()).hasValueSatisfying(text -> assertThat(text).contains("Prometheus at " + address));
    });
    assertThat(status("unreachable").message()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("metric \"success-rate\" Error: Prometheus at " + address)
        .endsWith("(3 consecutive errors, more than consecutiveErrorLimit 2)"));
  }

  @Test
  void argsAndCredentialsAreReadFromSecretsInTheRunsNamespace() {
    cluster.apply("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: prometheus-access
        stringData:
          tenant: acme
          token: s3cr3t
        """);
    String query = "rate{tenant=\"acme\"}";
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH))
        .withHeader("Authorization", equalTo("Bearer s3cr3t"))
        .withRequestBody(containing(form(query)))
        .willReturn(okJson(vector(0.99))));
    PrometheusMetric withToken = new PrometheusMetric(address(), "rate{tenant=\"{{args.tenant}}\"}", null, List.of(),
        Optional.of(new PrometheusAuthentication(Optional.of(new BearerAuthentication(
            new V1SecretKeySelector().name("prometheus-access").key("token"))), Optional.empty())), false);
    create("secretive", AnalysisRunSpec.of(List.of(Metric.builder("success-rate").prometheus(withToken)
        .successCondition("result[0] >= 0.95").build()),
        List.of(Argument.from("tenant", ValueFrom.secret("prometheus-access", "tenant")))));

    await("the run is Successful", () -> phase("secretive") == AnalysisPhase.SUCCESSFUL, () -> describe("secretive"));

    assertThat(queried(query)).isEqualTo(1);
    assertThat(RampClients.analysisRuns(cluster.client()).get(NS, "secretive").getObject().toString())
        .as("no secret value lands in the run").doesNotContain("acme").doesNotContain("s3cr3t");
  }

  @Test
  void aMissingSecretIsAnErrorThatNamesIt() {
    create("orphaned", AnalysisRunSpec.of(List.of(metric("success-rate", "rate{tenant=\"{{args.tenant}}\"}")
        .successCondition("result[0] >= 0.95").build()),
        List.of(Argument.from("tenant", ValueFrom.secret("absent", "tenant")))));

    await("the run is Error", () -> phase("orphaned") == AnalysisPhase.ERROR, () -> describe("orphaned"));

    assertThat(status("orphaned").message()).hasValueSatisfying(m -> assertThat(m)
        .startsWith("metric \"success-rate\" Error: cannot measure: ")
        .contains("arg \"tenant\" has no value: Secret default/absent not found"));
  }

  @Test
  void aTerminatedRunEndsOnTheEvidenceItHas() {
    answer("background_rate", 0.99);
    create("background", metric("success-rate", "background_rate").interval("500ms")
        .successCondition("result[0] >= 0.95").build());
    await("two measurements", () -> result("background", "success-rate").count() >= 2, () -> describe("background"));

    var response = RampClients.analysisRuns(cluster.client()).patch(NS, "background", V1Patch.PATCH_FORMAT_JSON_PATCH,
        JsonPatch.at(run("background").getMetadata().getResourceVersion())
            .add("/spec/terminate", new JsonPrimitive(true)).toV1Patch());
    assertThat(response.isSuccess()).as("terminate %s", response.getStatus()).isTrue();

    await("the run is Successful", () -> phase("background") == AnalysisPhase.SUCCESSFUL, () -> describe("background"));
    MetricResult result = result("background", "success-rate");
    assertThat(result.message()).hasValueSatisfying(m -> assertThat(m).startsWith("terminated after "));
    int measured = queried("background_rate");
    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    assertThat(queried("background_rate")).as("not measured after it ended").isEqualTo(measured);
    assertThat(result.count()).isIn(measured, measured - 1); // one under way when terminated is dropped
  }

  @Test
  void aControllerRestartedInTheMiddleOfARunNeitherSkipsNorDoublesAMeasurement() {
    answer("restart_rate", 0.99);
    create("restarted", metric("success-rate", "restart_rate").interval("1s").count(5)
        .successCondition("result[0] >= 0.95").build());
    await("two measurements", () -> result("restarted", "success-rate").count() >= 2, () -> describe("restarted"));

    controller.close();
    // down for longer than the interval: the next measurement is overdue when the new controller starts
    LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
    controller = RunningController.start(cluster);

    await("the run is Successful", () -> phase("restarted") == AnalysisPhase.SUCCESSFUL, () -> describe("restarted"));
    MetricResult result = result("restarted", "success-rate");
    assertThat(result.count()).isEqualTo(5);
    assertThat(result.measurements()).hasSize(5);
    assertThat(queried("restart_rate")).as("queries sent, across both controllers").isEqualTo(5);
    assertIntervalsKept(result.measurements(), Duration.ofSeconds(1));
  }

  // --- helpers

  private static String address() {
    return "http://127.0.0.1:" + prometheus.port();
  }

  private static Metric.Builder metric(String name, String query) {
    return Metric.builder(name).prometheus(PrometheusMetric.of(address(), query));
  }

  private static void answer(String query, double value) {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).withRequestBody(containing(form(query)))
        .willReturn(okJson(vector(value))));
  }

  static String vector(double value) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
        + "\"value\":[1735732800,\"" + value + "\"]}]}}";
  }

  private static String form(String query) {
    return "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&";
  }

  private static int queried(String query) {
    return prometheus.countRequestsMatching(postRequestedFor(urlPathEqualTo(QUERY_PATH))
        .withRequestBody(containing(form(query))).build()).getCount();
  }

  private static void create(String name, Metric metric) {
    create(name, AnalysisRunSpec.of(List.of(metric), List.of()));
  }

  private static void create(String name, AnalysisRunSpec spec) {
    var response = RampClients.analysisRuns(cluster.client())
        .create(new AnalysisRun(new V1ObjectMeta().name(name).namespace(NS), spec));
    assertThat(response.isSuccess()).as("create AnalysisRun %s: %s", name, response.getStatus()).isTrue();
  }

  private static AnalysisRun run(String name) {
    return RampClients.analysisRuns(cluster.client()).get(NS, name).getObject();
  }

  private static AnalysisRunStatus status(String name) {
    AnalysisRun run = run(name);
    return run == null ? AnalysisRunStatus.EMPTY : run.status();
  }

  private static AnalysisPhase phase(String name) {
    return status(name).phase();
  }

  private static MetricResult result(String name, String metric) {
    return status(name).metricResult(metric).orElse(MetricResult.builder(metric).build());
  }

  private static String describe(String name) {
    return "AnalysisRun " + name + ": " + status(name);
  }

  /** Each measurement starts no sooner than the interval after the one before it finished. */
  private static void assertIntervalsKept(List<Measurement> measurements, Duration interval) {
    for (int i = 1; i < measurements.size(); i++) {
      Instant finished = measurements.get(i - 1).finishedAt().orElseThrow().toInstant();
      Instant started = measurements.get(i).startedAt().orElseThrow().toInstant();
      assertThat(Duration.between(finished, started)).as("from measurement %d to %d", i, i + 1)
          .isGreaterThanOrEqualTo(interval);
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
