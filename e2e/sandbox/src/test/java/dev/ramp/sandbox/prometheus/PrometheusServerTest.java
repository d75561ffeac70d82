package dev.ramp.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the real Prometheus binary (see .ci/install-prometheus). */
class PrometheusServerTest {

  @Test
  void scrapesTheSimulatedWorkloadAndAnswersQueries() throws Exception {
    try (SimulatedWorkload workload = SimulatedWorkload.start().trafficShares(Map.of("stable", 1));
        PrometheusServer prometheus = PrometheusServer.start(List.of(workload.target()))) {
      prometheus.awaitTargetsUp(Duration.ofSeconds(20));

      String query = URLEncoder.encode("up{job=\"workload\"}", StandardCharsets.UTF_8);
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(prometheus.url().resolve("/api/v1/query?query=" + query)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"instance\":\"" + workload.target() + "\"").contains("\"1\"]");
    }
  }

  @Test
  void closingStopsTheServerAndDeletesItsFolder() throws Exception {
    Path home;
    try (PrometheusServer prometheus = PrometheusServer.start(List.of())) {
      HttpResponse<String> ready = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(prometheus.url().resolve("/-/ready")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      home = prometheus.home();
      assertThat(home).isDirectory();
    }
    assertThat(Files.exists(home)).isFalse();
  }

  @Test
  void theConfigurationScrapesEverySecond() {
    assertThat(PrometheusServer.config(List.of("127.0.0.1:1", "127.0.0.1:2")))
        .contains("scrape_interval: 1s")
        .contains("- targets: ['127.0.0.1:1', '127.0.0.1:2']");
  }
}
