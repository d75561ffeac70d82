package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller against the sandbox: an Istio subset-level split, and blue-green preview → active. */
class SubsetSplitAndBlueGreenTest {
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
  void subsetsArePinnedToRevisionsAndTheRouteWeighsThem() {
    cluster.apply(SandboxCluster.resource("/rollouts/istio-subset-split.yaml"));
    await("the first revision is Healthy", () -> phase("shop", RolloutPhase.HEALTHY), () -> cluster.describe("shop"));
    String stable = cluster.status("shop").stableRS().orElseThrow();
    assertThat(subsetHash("stable")).isEqualTo(stable);

    cluster.setImage("shop", "example/shop:2");

    await("the canary subset takes 30%", () -> phase("shop", RolloutPhase.PAUSED), () -> cluster.describe("shop"));
    String canary = cluster.status("shop").currentPodHash().orElseThrow();
    assertThat(cluster.weights("shop")).isEqualTo("stable=70 canary=30");
    assertThat(subsetHash("canary")).isEqualTo(canary);
    assertThat(subsetHash("stable")).isEqualTo(stable);

    cluster.promote("shop");

    await("the new revision is stable", () -> phase("shop", RolloutPhase.HEALTHY)
        && cluster.status("shop").stableRS().equals(Optional.of(canary)), () -> cluster.describe("shop"));
    assertThat(subsetHash("stable")).isEqualTo(canary);
    assertThat(cluster.weights("shop")).isEqualTo("stable=100 canary=0");
  }

  @Test
  void blueGreenShowsTheNewRevisionOnThePreviewAndSwitchesActiveOnPromotion() {
    cluster.apply(SandboxCluster.resource("/rollouts/blue-green.yaml"));
    await("the first revision is Healthy", () -> phase("bg", RolloutPhase.HEALTHY), () -> cluster.describe("bg"));
    String blue = cluster.status("bg").stableRS().orElseThrow();
    assertThat(serviceHash("bg-active")).isEqualTo(blue);

    cluster.setImage("bg", "example/bg:2");

    await("the new revision waits behind the preview Service", () -> phase("bg", RolloutPhase.PAUSED)
        && cluster.status("bg").currentPodHash().filter(h -> !h.equals(blue)).isPresent()
        && cluster.status("bg").currentPodHash().get().equals(serviceHash("bg-preview")),
        () -> cluster.describe("bg"));
    String green = cluster.status("bg").currentPodHash().orElseThrow();
    assertThat(serviceHash("bg-active")).isEqualTo(blue);

    cluster.promote("bg");

    await("active switches to the new revision", () -> green.equals(serviceHash("bg-active"))
        && phase("bg", RolloutPhase.HEALTHY), () -> cluster.describe("bg"));
    await("the old revision goes after the delay", () -> cluster.replicaSets("bg").get(blue) == 0,
        () -> cluster.describe("bg"));
  }

  private static boolean phase(String name, RolloutPhase phase) {
    return cluster.status(name).phase().equals(Optional.of(phase));
  }

  private static String serviceHash(String service) {
    return cluster.service(service).getSpec().getSelector().get("rollouts-pod-template-hash");
  }

  private static String subsetHash(String subset) {
    JsonObject rule = new DynamicKubernetesApi("networking.istio.io", "v1beta1", "destinationrules", cluster.client())
        .get(SandboxCluster.NS, "shop").getObject().getRaw();
    for (var s : rule.getAsJsonObject("spec").getAsJsonArray("subsets")) {
      JsonObject o = s.getAsJsonObject();
      if (o.get("name").getAsString().equals(subset)) {
        var labels = o.getAsJsonObject("labels");
        return labels.has("rollouts-pod-template-hash") ? labels.get("rollouts-pod-template-hash").getAsString() : null;
      }
    }
    return null;
  }
}
