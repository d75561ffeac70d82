package dev.ramp.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedWorkloadTest {

  private final HandClock clock = new HandClock();
  private final SimulatedWorkload workload = SimulatedWorkload.start(clock, Map.of("service", "checkout"));

  @AfterEach
  void close() {
    workload.close();
  }

  @Test
  void splitsTheRequestRateByWeightAndFailsTheGivenRatio() {
    workload.requestRate(100).trafficShares(Map.of("stable", 80, "canary", 20)).errorRatio("canary", 0.3);

    clock.advance(Duration.ofSeconds(10));

    assertThat(workload.requests("stable").get("200")).isCloseTo(800, Offset.offset(1e-9));
    assertThat(workload.requests("stable").get("500")).isCloseTo(0, Offset.offset(1e-9));
    assertThat(workload.requests("canary").get("200")).isCloseTo(140, Offset.offset(1e-9));
    assertThat(workload.requests("canary").get("500")).isCloseTo(60, Offset.offset(1e-9));
  }

  @Test
  void aChangeAppliesFromNowOnAndCountersNeverGoBack() {
    workload.requestRate(10).trafficShares(Map.of("stable", 100));
    clock.advance(Duration.ofSeconds(5));
    workload.trafficShares(Map.of("canary", 100));
    clock.advance(Duration.ofSeconds(5));

    assertThat(workload.requests("stable").get("200")).isCloseTo(50, Offset.offset(1e-9));
    assertThat(workload.requests("canary").get("200")).isCloseTo(50, Offset.offset(1e-9));
  }

  @Test
  void exposesPrometheusTextWithEveryLabel() throws Exception {
    workload.requestRate(1).trafficShares(Map.of("r1", 1)).errorRatio("r1", 0.5).latency("r1", Duration.ofMillis(200));
    clock.advance(Duration.ofSeconds(4));

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(workload.metricsUrl()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(response.body())
        .contains("# TYPE http_requests_total counter\n")
        .contains("http_requests_total{code=\"200\",revision=\"r1\",service=\"checkout\"} 2.0\n")
        .contains("http_requests_total{code=\"500\",revision=\"r1\",service=\"checkout\"} 2.0\n")
        .contains("http_request_duration_seconds_bucket{le=\"0.1\",revision=\"r1\",service=\"checkout\"} 0.0\n")
        .contains("http_request_duration_seconds_bucket{le=\"0.25\",revision=\"r1\",service=\"checkout\"} 4.0\n")
        .contains("http_request_duration_seconds_count{revision=\"r1\",service=\"checkout\"} 4.0\n");
  }

  @Test
  void anErrorRatioOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> workload.errorRatio("r", 2)).hasMessageContaining("between 0 and 1");
  }

  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
