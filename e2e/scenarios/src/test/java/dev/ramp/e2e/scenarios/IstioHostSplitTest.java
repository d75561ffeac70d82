package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.e2e.harness.E2eExtension;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.Kind;
import dev.ramp.e2e.harness.ReplicaSetView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.Timeline;
import dev.ramp.e2e.harness.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Istio host-level split: the VirtualService's route weights between web-stable and web-canary. */
@ExtendWith(E2eExtension.class)
class IstioHostSplitTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String ROUTE = "primary";

  @Test
  void theVirtualServiceWeightsAreExactlyTheStepsThenZeroWithStableOnTheNewRevision(Scenario s) {
    s.apply("istio-host-split");
    World start = s.awaitHealthy("web", TIMEOUT);
    String v1 = start.rollout("web").stableHash();
    assertThat(start.serviceHash("web-stable")).isEqualTo(v1);
    assertThat(start.serviceHash("web-canary")).isEqualTo(v1);
    assertThat(start.virtualService("web").orElseThrow().weights(ROUTE))
        .containsExactly(Map.entry("web-stable", 100), Map.entry("web-canary", 0));

    s.setImage("web", Images.demoApp("1.1"));
    World end = s.awaitHealthy("web", TIMEOUT);
    String v2 = end.rollout("web").stableHash();
    List<World> rollout = s.timeline().since(start);

    assertThat(Timeline.distinct(rollout, w -> w.weight("web", ROUTE, "web-canary")))
        .as("canary weights of route primary, in order").containsExactly(0, 20, 50, 80, 0);
    for (World w : rollout) {
      assertThat(w.virtualService("web").orElseThrow().weights(ROUTE).values().stream().mapToInt(i -> i).sum())
          .as("weights of route primary add up to 100").isEqualTo(100);
    }
    // when the Rollout reports each pause, the VirtualService has that step's weight (the controller
    // writes traffic first and the status after it, so the weight of the next step may follow a pause's
    // end before the status says so)
    for (int pause : List.of(1, 3, 5)) {
      int expected = start.rollout("web").step(pause - 1).path("setWeight").asInt();
      World paused = rollout.stream()
          .filter(w -> w.rollout("web").stepIndex() == pause && w.rollout("web").phase().equals("Paused"))
          .findFirst().orElseThrow(() -> new AssertionError("never paused at step " + (pause + 1)));
      assertThat(paused.weight("web", ROUTE, "web-canary")).as("VS canary weight at step " + (pause + 1))
          .contains(expected);
      assertThat(paused.rollout("web").statusCanaryWeight()).as("status weight at step " + (pause + 1))
          .isEqualTo(expected);
    }
    // the canary Service selected the new pods, all available, before they got any traffic
    World firstWeight = rollout.stream().filter(w -> w.weight("web", ROUTE, "web-canary").orElse(0) > 0)
        .findFirst().orElseThrow();
    assertThat(firstWeight.serviceHash("web-canary")).isEqualTo(v2);
    assertThat(firstWeight.serviceHash("web-stable")).isEqualTo(v1);
    assertThat(firstWeight.replicaSet("web", v2)).map(ReplicaSetView::available).hasValueSatisfying(a ->
        assertThat(a).isGreaterThanOrEqualTo(1));
    // the weight went back to 0 only once the stable Service selected the new, fully available pods
    World backToZero = Timeline.after(rollout, "the canary weight went from 80 back to 0",
        w -> w.weight("web", ROUTE, "web-canary").orElse(-1) == 80,
        w -> w.weight("web", ROUTE, "web-canary").orElse(-1) == 0);
    assertThat(backToZero.serviceHash("web-stable")).isEqualTo(v2);
    assertThat(backToZero.replicaSet("web", v2)).map(ReplicaSetView::available).contains(2);
    assertThat(end.serviceHash("web-canary")).isEqualTo(v2);
    // the old pods stayed until traffic had left them, and go after scaleDownDelaySeconds
    assertThat(backToZero.pods(v1)).hasSize(2);
    s.await("the old revision scaled to 0", TIMEOUT,
        w -> w.replicaSet("web", v1).map(rs -> rs.desired() == 0).orElse(true));
  }

  @Test
  void aVirtualServiceEditedByHandIsPutBack(Scenario s) {
    s.apply("istio-host-split-manual");
    s.awaitHealthy("web", TIMEOUT);

    // between rollouts: everything back on stable
    setWeights(s, 60, 40);
    s.await("the hand edit undone (100/0)", TIMEOUT, w -> w.weight("web", ROUTE, "web-canary").orElse(-1) == 0
        && w.weight("web", ROUTE, "web-stable").orElse(-1) == 100);

    // during a rollout: back to the step's weight
    s.setImage("web", Images.demoApp("1.1"));
    s.awaitRollout("web", "paused at step 2", TIMEOUT, r -> r.stepIndex() == 1 && r.phase().equals("Paused"));
    s.awaitWeight("web", ROUTE, "web-canary", 30, TIMEOUT);
    setWeights(s, 10, 90);
    s.await("the hand edit undone (70/30)", TIMEOUT, w -> w.weight("web", ROUTE, "web-canary").orElse(-1) == 30
        && w.weight("web", ROUTE, "web-stable").orElse(-1) == 70);
    assertThat(s.now().rollout("web").stepIndex()).as("the rollout did not move on").isEqualTo(1);

    s.promote("web");
    s.awaitRollout("web", "paused at step 4", TIMEOUT, r -> r.stepIndex() == 3 && r.phase().equals("Paused"));
    s.awaitWeight("web", ROUTE, "web-canary", 60, TIMEOUT);
    s.promote("web");
    s.awaitHealthy("web", TIMEOUT);
  }

  /** What someone does with kubectl edit: sets the route's weights by hand. */
  private static void setWeights(Scenario s, int stable, int canary) {
    s.edit(Kind.VIRTUAL_SERVICE, "web", vs -> {
      for (JsonNode destination : vs.at("/spec/http/0/route")) {
        boolean isCanary = destination.at("/destination/host").asText().equals("web-canary");
        ((ObjectNode) destination).put("weight", isCanary ? canary : stable);
      }
      return vs;
    });
  }
}
