package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller as it ships, against the sandbox with Istio's CRDs: a host-level split whose
 * VirtualService weights are checked at every step, an edit by hand put back, and a Rollout whose
 * VirtualService does not exist beside it.
 */
class IstioHostSplitTest {
  private static SandboxCluster cluster;
  private static RunningController controller;

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(true);
    controller = RunningController.start(cluster);
  }

  @AfterAll
  static void stop() {
    controller.close();
    cluster.close();
  }

  @Test
  void theVirtualServiceWeightsFollowTheStepsAndAHandEditIsPutBack() {
    cluster.apply(SandboxCluster.resource("/rollouts/istio-host-split.yaml"));
    await("the first revision is Healthy", () -> phase(RolloutPhase.HEALTHY), () -> cluster.describe("web"));
    String stable = cluster.status("web").stableRS().orElseThrow();
    assertThat(cluster.weights("web")).isEqualTo(
        "web-admin=-1 web-stable=100 web-canary.default.svc.cluster.local=0");
    assertThat(hashOf("web-stable")).isEqualTo(stable);

    cluster.setImage("web", "example/web:2");

    await("the canary takes 20% and waits", () -> phase(RolloutPhase.PAUSED) && step() == 1,
        () -> cluster.describe("web"));
    String canary = cluster.status("web").currentPodHash().orElseThrow();
    assertThat(cluster.weights("web")).isEqualTo(
        "web-admin=-1 web-stable=80 web-canary.default.svc.cluster.local=20");
    assertThat(hashOf("web-canary")).isEqualTo(canary);
    assertThat(hashOf("web-stable")).isEqualTo(stable);
    assertThat(cluster.replicaSets("web").get(stable)).as("the stable revision keeps its size").isEqualTo(3);

    cluster.patchVirtualService("web", """
        {"spec":{"http":[{"name":"admin","route":[{"destination":{"host":"web-admin"}}]},
          {"name":"primary","route":[{"destination":{"host":"web-stable"},"weight":50},
            {"destination":{"host":"web-canary.default.svc.cluster.local"},"weight":50}]}]}}""");

    await("the edit is put back", () -> cluster.weights("web").equals(
        "web-admin=-1 web-stable=80 web-canary.default.svc.cluster.local=20"), () -> cluster.weights("web"));

    cluster.promote("web");

    await("the canary takes 60% and waits", () -> phase(RolloutPhase.PAUSED) && step() == 3,
        () -> cluster.describe("web"));
    assertThat(cluster.weights("web")).isEqualTo(
        "web-admin=-1 web-stable=40 web-canary.default.svc.cluster.local=60");

    cluster.promote("web");

    await("the new revision is stable and takes all traffic",
        () -> phase(RolloutPhase.HEALTHY) && cluster.status("web").stableRS().equals(Optional.of(canary)),
        () -> cluster.describe("web"));
    assertThat(hashOf("web-stable")).isEqualTo(canary);
    assertThat(cluster.weights("web")).isEqualTo(
        "web-admin=-1 web-stable=100 web-canary.default.svc.cluster.local=0");
    await("the old revision is scaled down after the delay", () -> cluster.replicaSets("web").get(stable) == 0,
        () -> cluster.describe("web"));
  }

  @Test
  void aMissingVirtualServiceDegradesItsRolloutAndNamesItWhileOthersGoOn() {
    cluster.apply(SandboxCluster.resource("/rollouts/missing-virtualservice.yaml"));

    await("the Rollout is Degraded", () -> cluster.status("lost").phase().equals(Optional.of(RolloutPhase.DEGRADED)),
        () -> cluster.describe("lost"));
    RolloutCondition invalid = cluster.status("lost").condition(RolloutCondition.INVALID_SPEC).orElseThrow();
    assertThat(invalid.message().orElseThrow())
        .contains("VirtualService default/nowhere not found")
        .contains("Service default/lost-stable selects app=other, which the pods of Rollout default/lost never carry");
    assertThat(cluster.replicaSets("lost")).as("an invalid Rollout harms nothing").isEmpty();
    assertThat(cluster.eventReasons("lost")).contains("InvalidSpec");
  }

  private static boolean phase(RolloutPhase phase) {
    return cluster.status("web").phase().equals(Optional.of(phase));
  }

  private static int step() {
    return cluster.status("web").currentStepIndex().orElse(-1);
  }

  private static String hashOf(String service) {
    return cluster.service(service).getSpec().getSelector().get("rollouts-pod-template-hash");
  }
}
