package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.health.OpsServer;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller as it ships, against the sandbox: a canary without traffic router, to Healthy. */
class ReplicaRatioCanaryTest {
  private static SandboxCluster cluster;
  private static RunningController controller;

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(false);
    controller = RunningController.start(cluster);
  }

  @AfterAll
  static void stop() {
    controller.close();
    cluster.close();
  }

  @Test
  void aNewImageMovesInByReplicaRatioStepByStep() {
    cluster.apply(SandboxCluster.resource("/rollouts/replica-ratio.yaml"));
    await("the first revision is Healthy", () -> phase("ratio", RolloutPhase.HEALTHY), () -> cluster.describe("ratio"));
    String stable = cluster.status("ratio").stableRS().orElseThrow();
    assertThat(cluster.replicaSets("ratio")).isEqualTo(Map.of(stable, 4));

    cluster.setImage("ratio", "example/app:2");

    await("the canary waits at the second pause with half the pods",
        () -> phase("ratio", RolloutPhase.PAUSED) && step("ratio") == 3, () -> cluster.describe("ratio"));
    RolloutStatus paused = cluster.status("ratio");
    String canary = paused.currentPodHash().orElseThrow();
    assertThat(canary).isNotEqualTo(stable);
    assertThat(paused.stableRS()).contains(stable);
    assertThat(cluster.replicaSets("ratio")).isEqualTo(Map.of(stable, 2, canary, 2));

    cluster.promote("ratio");

    await("the new revision is stable and Healthy",
        () -> phase("ratio", RolloutPhase.HEALTHY) && cluster.status("ratio").stableRS().equals(Optional.of(canary)),
        () -> cluster.describe("ratio"));
    await("the old revision is scaled down", () -> cluster.replicaSets("ratio").equals(Map.of(stable, 0, canary, 4)),
        () -> cluster.describe("ratio"));
    assertThat(cluster.eventReasons("ratio")).isNotEmpty();
  }

  @Test
  void missingAnalysisTemplatesAreNamedInTheCondition() {
    cluster.apply(SandboxCluster.resource("/rollouts/missing-template.yaml"));

    await("the Rollout is Degraded", () -> phase("judged", RolloutPhase.DEGRADED), () -> cluster.describe("judged"));
    assertThat(cluster.status("judged").condition(RolloutCondition.INVALID_SPEC).orElseThrow().message().orElseThrow())
        .contains("AnalysisTemplate default/absent not found")
        .contains("ClusterAnalysisTemplate everywhere-absent not found");
  }

  @Test
  void metricsHealthAndReadinessAreServed() throws Exception {
    int port = controller.context().getBean(OpsServer.class).port();
    HttpClient http = HttpClient.newHttpClient();

    await("the ops endpoint says ready", () -> get(http, port, "/readyz").statusCode() == 200);
    assertThat(get(http, port, "/healthz").statusCode()).isEqualTo(200);
    cluster.apply(SandboxCluster.resource("/rollouts/replica-ratio.yaml").replace("name: ratio", "name: metered"));
    await("the Rollout is Healthy", () -> phase("metered", RolloutPhase.HEALTHY));
    await("its phase is exported", () -> get(http, port, "/metrics").body()
        .contains("ramp_rollout_phase{name=\"metered\",namespace=\"default\",phase=\"Healthy\"} 1.0"));
    assertThat(get(http, port, "/metrics").body())
        .contains("ramp_reconcile_total{outcome=\"done\"}")
        .contains("ramp_reconcile_duration_seconds_bucket");
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean phase(String name, RolloutPhase phase) {
    return cluster.status(name).phase().equals(Optional.of(phase));
  }

  private static int step(String name) {
    return cluster.status(name).currentStepIndex().orElse(-1);
  }
}
