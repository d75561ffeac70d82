package dev.ramp.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.sandbox.prometheus.PrometheusServer;
import dev.ramp.sandbox.prometheus.SimulatedWorkload;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysis scenarios' measuring rig on its own: with the canary paused at 30%, Prometheus sees 30%
 * of the requests go to the canary's hash and the canary's own error ratio, from the weights the
 * controller wrote.
 */
@ExtendWith(E2eExtension.class)
class TrafficFollowerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void prometheusMeasuresEachRevisionByTheWeightsTheControllerWrote(Scenario s) {
    try (SimulatedWorkload workload = SimulatedWorkload.start(Clock.systemUTC(), Map.of("namespace", s.namespace()))
            .requestRate(100);
         PrometheusServer prometheus = PrometheusServer.start(List.of(workload.target()))) {
      TrafficFollower follower = TrafficFollower.follow(s, workload, "web", "primary")
          .errorRatio(Images.demoApp("1.1"), 0.2);
      s.apply("istio-host-split-manual");
      String v1 = s.awaitHealthy("web", TIMEOUT).rollout("web").stableHash();
      assertThat(follower.shares()).containsExactly(Map.entry(v1, 100));
      s.setImage("web", Images.demoApp("1.1"));
      s.awaitRollout("web", "paused at 30%", TIMEOUT, r -> r.stepIndex() == 1 && r.phase().equals("Paused"));
      String v2 = s.now().rollout("web").currentPodHash();
      assertThat(follower.shares()).containsOnly(Map.entry(v1, 70), Map.entry(v2, 30));

      String success = "sum(rate(http_requests_total{namespace=\"%s\", revision=\"%s\", code!~\"5..\"}[5s]))"
          + " / sum(rate(http_requests_total{namespace=\"%s\", revision=\"%s\"}[5s]))";
      String share = "sum(rate(http_requests_total{namespace=\"%s\", revision=\"%s\"}[5s]))"
          + " / sum(rate(http_requests_total{namespace=\"%s\"}[5s]))";
      double canarySuccess = Waits.until("Prometheus reports the canary's success rate", TIMEOUT,
          Duration.ofMillis(500), () -> query(prometheus, success.formatted(s.namespace(), v2, s.namespace(), v2)),
          () -> "no value yet");
      assertThat(canarySuccess).isCloseTo(0.8, within(0.02));
      // the share settles once the 5 s window holds only the 30/70 split
      Waits.until("the canary's share of requests settles at 30%", TIMEOUT, Duration.ofMillis(500),
          () -> query(prometheus, share.formatted(s.namespace(), v2, s.namespace()))
              .filter(v -> Math.abs(v - 0.3) < 0.02), () -> "share not at 30% yet");
      assertThat(query(prometheus, success.formatted(s.namespace(), v1, s.namespace(), v1))).contains(1.0);
    }
  }

  /** The first value of an instant query, if there is one. */
  private static Optional<Double> query(PrometheusServer prometheus, String promql) {
    URI uri = prometheus.url().resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode result = Kube.JSON.readTree(response.body()).at("/data/result");
      if (result.size() == 0) {
        return Optional.empty();
      }
      double value = Double.parseDouble(result.get(0).at("/value/1").asText());
      return Double.isNaN(value) ? Optional.empty() : Optional.of(value);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
