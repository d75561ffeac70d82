package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
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

  private static boolean phase(String name, RolloutPhase phase) {
    return cluster.status(name).phase().equals(Optional.of(phase));
  }

  private static int step(String name) {
    return cluster.status(name).currentStepIndex().orElse(-1);
  }
}
