package dev.ramp.analysis.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.analysis.query.QueryResult.Failure;
import dev.ramp.analysis.query.QueryResult.NoData;
import dev.ramp.analysis.query.QueryResult.Values;
import dev.ramp.analysis.testing.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.scheduler.Schedulers;

/** WireMock plays Prometheus, one protocol edge per test. */
class PrometheusProviderTest {

  @RegisterExtension
  static WireMockExtension prometheus = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().dynamicHttpsPort())
      .build();

  private static final String QUERY_PATH = "/api/v1/query";
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T12:00:00.250Z"));
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private PrometheusProvider provider;

  @BeforeEach
  void setUp() {
    provider = new PrometheusProvider(clock, Schedulers.parallel(),
        PrometheusSettings.defaults().withAttempts(3, Duration.ofMillis(20)));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
  }

  private static String httpUrl() {
    return "http://localhost:" + prometheus.getPort();
  }

  private PrometheusQuery query(String promql) {
    return PrometheusQuery.of(httpUrl(), promql).withTimeout(Duration.ofSeconds(5));
  }

  private QueryResult measure(PrometheusQuery query) {
    return provider.query(query).block(Duration.ofSeconds(10));
  }

  private static void answer(String json) {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(okJson(json)));
  }

  @Test
  void sendsTheQueryAndTheClocksTimeAsAForm() {
    answer("""
        {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0.97"]}]}}""");

    QueryResult result = measure(query("sum(rate(x[1m])) > 0"));

    assertThat(result).isEqualTo(new Values(List.of(0.97)));
    prometheus.verify(postRequestedFor(urlPathEqualTo(QUERY_PATH))
        .withFormParam("query", equalTo("sum(rate(x[1m])) > 0"))
        .withFormParam("time", equalTo("1735732800.250")));
  }

  @Test
  void keepsAPathPrefixOfTheAddress() {
    prometheus.stubFor(post(urlPathEqualTo("/prometheus" + QUERY_PATH)).willReturn(okJson("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"3"]}}""")));

    QueryResult result = measure(
        PrometheusQuery.of(httpUrl() + "/prometheus/", "3").withTimeout(Duration.ofSeconds(5)));

    assertThat(result).isEqualTo(new Values(List.of(3.0)));
  }

  @Test
  void nanIsNoData() {
    answer("""
        {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}}""");
    assertThat(measure(query("a / b"))).isEqualTo(new NoData(NoData.Kind.NAN, List.of(Double.NaN)));
  }

  @Test
  void anEmptyVectorIsNoData() {
    answer("""
        {"status":"success","data":{"resultType":"vector","result":[]}}""");
    assertThat(measure(query("absent_metric"))).isEqualTo(new NoData(NoData.Kind.EMPTY, List.of()));
  }

  @Test
  void aMatrixGivesTheLastSampleOfEachSeries() {
    answer("""
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"pod":"a"},"values":[[1,"0.5"],[2,"0.9"]]},
          {"metric":{"pod":"b"},"values":[[1,"0.7"]]}]}}""");
    assertThat(measure(query("x[1m]"))).isEqualTo(new Values(List.of(0.9, 0.7)));
  }

  @Test
  void aScalarAndANumericStringAreOneValue() {
    answer("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"+Inf"]}}""");
    assertThat(measure(query("1/0"))).isEqualTo(new Values(List.of(Double.POSITIVE_INFINITY)));
    answer("""
        {"status":"success","data":{"resultType":"string","result":[1,"7"]}}""");
    assertThat(measure(query("\"7\""))).isEqualTo(new Values(List.of(7.0)));
  }

  @Test
  void aServerErrorIsRetriedAndTheMeasurementRecovers() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("internal error"))
        .willSetStateTo("recovered"));
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).inScenario("flaky")
        .whenScenarioStateIs("recovered")
        .willReturn(okJson("""
            {"status":"success","data":{"resultType":"scalar","result":[1,"0.99"]}}""")));

    assertThat(measure(query("up"))).isEqualTo(new Values(List.of(0.99)));
    prometheus.verify(2, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void aServerErrorThatPersistsIsAnErrorAfterABoundedNumberOfAttempts() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH))
        .willReturn(aResponse().withStatus(503).withBody("""
            {"status":"error","errorType":"unavailable","error":"TSDB not ready"}""")));

    assertThat(measure(query("up"))).isEqualTo(
        new Failure("Prometheus failed (HTTP 503, unavailable): TSDB not ready"));
    prometheus.verify(3, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void badPromQLIsAnErrorWithPrometheusTextAndIsNotRetried() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("""
            {"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:8: parse error: unclosed left parenthesis"}""")));

    QueryResult result = measure(query("sum(up"));

    assertThat(result).isEqualTo(new Failure("Prometheus rejected the query (HTTP 400, bad_data): "
        + "invalid parameter \"query\": 1:8: parse error: unclosed left parenthesis"));
    prometheus.verify(1, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void garbageJsonIsAnErrorThatSaysWhatWasWrong() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
        .withBody("{\"status\":\"success\",\"data\":[1,2")));

    QueryResult result = measure(query("up"));

    assertThat(result).isInstanceOfSatisfying(Failure.class, failure -> assertThat(failure.message())
        .startsWith("Prometheus answered with malformed JSON (Unexpected end-of-input")
        .contains("line 1")
        .endsWith("{\"status\":\"success\",\"data\":[1,2")
        .doesNotContain("Exception"));
    prometheus.verify(1, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void aSlowAnswerIsATimeoutAtTheMetricsTimeout() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(okJson("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""").withFixedDelay(3_000)));

    long start = System.nanoTime();
    QueryResult result = measure(query("up").withTimeout(Duration.ofMillis(400)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result).isEqualTo(
        new Failure("Prometheus at " + httpUrl() + " gave no answer within 400ms"));
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void aServerThatNeverAnswersIsATimeout() throws IOException {
    URI silent = silentServer();

    long start = System.nanoTime();
    QueryResult result = measure(PrometheusQuery.of(silent.toString(), "up").withTimeout(Duration.ofMillis(300)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result).isInstanceOfSatisfying(Failure.class,
        failure -> assertThat(failure.message()).startsWith("Prometheus at " + silent + " gave no answer within 300ms"));
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRefusedConnectionIsRetriedThenAnError() throws IOException {
    URI closed = closedPort();

    QueryResult result = measure(PrometheusQuery.of(closed.toString(), "up").withTimeout(Duration.ofSeconds(5)));

    assertThat(result).isEqualTo(new Failure("Prometheus at " + closed + " is unreachable: connection refused"));
  }

  @Test
  void aConnectionDroppedMidAnswerIsRetried() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).inScenario("reset")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("fine"));
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).inScenario("reset")
        .whenScenarioStateIs("fine")
        .willReturn(okJson("""
            {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""")));

    assertThat(measure(query("up"))).isEqualTo(new Values(List.of(1.0)));
  }

  @Test
  void sendsHeadersAndBearerToken() {
    answer("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""");

    measure(query("up").withHeaders(Map.of("X-Scope-OrgID", "team-a"))
        .withAuth(new PrometheusAuth.BearerToken("s3cret")));

    prometheus.verify(postRequestedFor(urlPathEqualTo(QUERY_PATH))
        .withHeader("X-Scope-OrgID", equalTo("team-a"))
        .withHeader("Authorization", equalTo("Bearer s3cret")));
  }

  @Test
  void sendsBasicAuthAndNeverPrintsTheSecret() {
    answer("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""");
    PrometheusQuery query = query("up").withAuth(new PrometheusAuth.Basic("ramp", "pa55"));

    measure(query);

    prometheus.verify(postRequestedFor(urlPathEqualTo(QUERY_PATH))
        .withHeader("Authorization", equalTo("Basic cmFtcDpwYTU1")));
    assertThat(query.toString()).doesNotContain("pa55");
    assertThat(new PrometheusAuth.BearerToken("s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void aRejectedCredentialIsAnErrorNamingTheStatus() {
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(401).withBody("Unauthorized")));
    assertThat(measure(query("up"))).isEqualTo(new Failure("Prometheus rejected the query (HTTP 401): Unauthorized"));
  }

  @Test
  void aHeaderTheClientCannotSendIsAnErrorNamingIt() {
    QueryResult result = measure(query("up").withHeaders(Map.of("Host", "elsewhere")));
    assertThat(result).isInstanceOfSatisfying(Failure.class,
        failure -> assertThat(failure.message()).startsWith("header \"Host\" cannot be sent"));
  }

  @Test
  void anAddressThatIsNoHttpUrlIsAnErrorNamingIt() {
    QueryResult result = measure(PrometheusQuery.of("prometheus:9090", "up"));
    assertThat(result).isEqualTo(new Failure(
        "Prometheus address \"prometheus:9090\" is not an http:// or https:// URL with a host"));
  }

  @Test
  void tlsIsVerifiedUnlessInsecure() {
    answer("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""");
    String https = "https://localhost:" + prometheus.getRuntimeInfo().getHttpsPort();

    QueryResult verified = measure(PrometheusQuery.of(https, "up").withTimeout(Duration.ofSeconds(5)));
    QueryResult insecure = measure(PrometheusQuery.of(https, "up").withTimeout(Duration.ofSeconds(5)).withInsecure(true));

    assertThat(verified).isInstanceOfSatisfying(Failure.class, failure -> assertThat(failure.message())
        .contains("TLS failed").contains("set insecure: true"));
    assertThat(insecure).isEqualTo(new Values(List.of(1.0)));
  }

  @Test
  void theCircuitBreakerOpensAfterRepeatedFailuresFailsFastAndClosesAgain() {
    provider = new PrometheusProvider(clock, Schedulers.parallel(), PrometheusSettings.defaults()
        .withAttempts(1, Duration.ofMillis(1))
        .withBreaker(4, 4, 50f, Duration.ofSeconds(30)));
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(500).withBody("down")));
    URI address = URI.create(httpUrl());

    for (int i = 0; i < 4; i++) {
      assertThat(measure(query("up"))).isEqualTo(new Failure("Prometheus failed (HTTP 500): down"));
    }
    assertThat(provider.circuitState(address)).isEqualTo(CircuitBreaker.State.OPEN);

    QueryResult fast = measure(query("up"));
    assertThat(fast).isInstanceOfSatisfying(Failure.class, failure -> assertThat(failure.message())
        .startsWith("not queried: Prometheus at " + httpUrl() + " failed too often recently"));
    prometheus.verify(4, postRequestedFor(urlPathEqualTo(QUERY_PATH)));

    answer("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""");
    clock.advance(Duration.ofSeconds(29));
    assertThat(measure(query("up"))).isInstanceOf(Failure.class);
    prometheus.verify(4, postRequestedFor(urlPathEqualTo(QUERY_PATH)));

    clock.advance(Duration.ofSeconds(2));
    assertThat(measure(query("up"))).isEqualTo(new Values(List.of(1.0)));
    assertThat(provider.circuitState(address)).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(measure(query("up"))).isEqualTo(new Values(List.of(1.0)));
    prometheus.verify(6, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void badQueriesDoNotOpenTheCircuit() {
    provider = new PrometheusProvider(clock, Schedulers.parallel(), PrometheusSettings.defaults()
        .withAttempts(1, Duration.ofMillis(1))
        .withBreaker(2, 2, 50f, Duration.ofSeconds(30)));
    prometheus.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(400).withBody("""
        {"status":"error","errorType":"bad_data","error":"parse error"}""")));

    for (int i = 0; i < 5; i++) {
      measure(query("sum("));
    }

    assertThat(provider.circuitState(URI.create(httpUrl()))).isEqualTo(CircuitBreaker.State.CLOSED);
    prometheus.verify(5, postRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void eachAddressHasItsOwnCircuit() throws IOException {
    provider = new PrometheusProvider(clock, Schedulers.parallel(), PrometheusSettings.defaults()
        .withAttempts(1, Duration.ofMillis(1))
        .withBreaker(2, 2, 50f, Duration.ofSeconds(30)));
    URI dead = closedPort();
    answer("""
        {"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}""");

    measure(PrometheusQuery.of(dead.toString(), "up"));
    measure(PrometheusQuery.of(dead.toString(), "up"));

    assertThat(provider.circuitState(dead)).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(measure(query("up"))).isEqualTo(new Values(List.of(1.0)));
  }

  /** A server that accepts connections and never writes a byte. */
  private URI silentServer() throws IOException {
    ServerSocket server = new ServerSocket(0);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (!server.isClosed()) {
          accepted.add(server.accept());
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "silent-prometheus");
    acceptor.setDaemon(true);
    acceptor.start();
    closeables.add(() -> {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    });
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
