package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller as it ships, against the sandbox: a Rollout that takes its pods from an existing
 * Deployment ({@code workloadRef}) runs them itself and scales the Deployment down as it takes over.
 */
class WorkloadRefTest {
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
  void theRolloutTakesOverTheDeploymentsPodsAndFollowsItsTemplate() {
    cluster.apply(SandboxCluster.resource("/rollouts/workload-ref.yaml"));

    await("the Rollout runs the Deployment's pods and the Deployment is scaled to 0",
        () -> phase(RolloutPhase.HEALTHY) && cluster.deployment("legacy").getSpec().getReplicas() == 0,
        () -> cluster.describe("taken"));
    V1ReplicaSet own = cluster.replicaSetObjects("taken").get(0);
    assertThat(own.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("example/app:1");
    assertThat(own.getSpec().getReplicas()).isEqualTo(3);

    // The Deployment still describes the pods: a new image there is a new revision of the Rollout.
    cluster.setDeploymentImage("legacy", "example/app:2");

    await("the new revision waits at the pause",
        () -> phase(RolloutPhase.PAUSED) && cluster.status("taken").currentStepIndex().equals(Optional.of(1)),
        () -> cluster.describe("taken"));
    // 34% of 3 pods, both sides rounded up as Argo's basic canary does: 2 canary, 2 stable.
    assertThat(cluster.replicaSets("taken").values()).containsExactlyInAnyOrder(2, 2);
    assertThat(cluster.deployment("legacy").getSpec().getReplicas()).as("the Deployment stays at 0").isZero();
  }

  private static boolean phase(RolloutPhase phase) {
    return cluster.status("taken").phase().equals(Optional.of(phase));
  }
}
