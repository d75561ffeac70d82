package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.e2e.harness.E2eExtension;
import dev.ramp.e2e.harness.EventView;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.ReplicaSetView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What goes wrong stays with the Rollout it belongs to, says what it is, and never reaches traffic. */
@ExtendWith(E2eExtension.class)
class FailureIsolationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void aMissingVirtualServiceDegradesItsRolloutOnlyAndNamesIt(Scenario s) {
    s.apply("missing-virtual-service");
    s.apply("istio-host-split");
    World degraded = s.awaitRollout("orphan", "Degraded with an InvalidSpec condition", TIMEOUT,
        r -> r.phase().equals("Degraded") && r.condition("InvalidSpec").isPresent());
    JsonNode condition = degraded.rollout("orphan").condition("InvalidSpec").orElseThrow();
    assertThat(condition.path("status").asText()).isEqualTo("True");
    assertThat(condition.path("message").asText()).as("the condition names the VirtualService").contains("nowhere");
    assertThat(degraded.rollout("orphan").message()).contains("nowhere");

    // the healthy Rollout beside it deploys and updates as if nothing were wrong
    World start = s.awaitHealthy("web", TIMEOUT);
    s.setImage("web", Images.demoApp("1.1"));
    World end = s.awaitHealthy("web", TIMEOUT);
    assertThat(end.rollout("web").stableHash()).isNotEqualTo(start.rollout("web").stableHash());
    assertThat(end.rollout("orphan").phase()).isEqualTo("Degraded");
    // a Warning per problem found (the Services may be missing too for a moment, as they are applied after
    // the Rollout), not one per reconcile
    s.awaitEvent("orphan", "InvalidSpec", TIMEOUT);
    assertThat(s.events("orphan")).filteredOn(e -> e.reason().equals("InvalidSpec")).extracting(EventView::message)
        .doesNotHaveDuplicates().last().asString().contains("nowhere");
    assertThat(s.controller().running()).isTrue();

    // once the VirtualService exists, the Rollout recovers
    s.apply("nowhere-virtual-service");
    World fixed = s.awaitHealthy("orphan", TIMEOUT);
    assertThat(fixed.rollout("orphan").condition("InvalidSpec")).isEmpty();
  }

  @Test
  void aRevisionThatNeverBecomesReadyTurnsDegradedAtTheDeadlineWithTrafficOnStable(Scenario s) {
    String broken = Images.demoApp("broken");
    s.environment().neverReady(s.environment().images().resolve(broken));
    s.apply("istio-host-split-deadline");
    World start = s.awaitHealthy("web", TIMEOUT);
    String v1 = start.rollout("web").stableHash();

    s.setImage("web", broken);
    String v2 = s.awaitRevision("web", broken, TIMEOUT);
    World degraded = s.awaitRollout("web", "Degraded: progress deadline exceeded", TIMEOUT,
        r -> r.phase().equals("Degraded") && r.condition("Progressing")
            .map(c -> c.path("reason").asText().equals("ProgressDeadlineExceeded")).orElse(false));
    List<World> history = s.timeline().since(start);
    assertThat(history).allSatisfy(w -> {
      assertThat(w.weight("web", "primary", "web-canary")).as("canary weight").contains(0);
      assertThat(w.serviceHash("web-stable")).isEqualTo(v1);
      assertThat(w.replicaSet("web", v1)).map(ReplicaSetView::available).contains(2);
    });
    assertThat(degraded.replicaSet("web", v2)).map(ReplicaSetView::ready).contains(0);
    assertThat(degraded.rollout("web").condition("Progressing").orElseThrow().path("message").asText())
        .contains("progressDeadlineSeconds");
    assertThat(s.awaitEvent("web", "ProgressDeadlineExceeded", TIMEOUT).type()).isEqualTo("Warning");

    // a good image after the broken one rolls out normally
    s.setImage("web", Images.demoApp("1.1"));
    s.awaitRollout("web", "paused at step 2 (50%) with the good image", TIMEOUT,
        r -> r.stepIndex() == 1 && r.phase().equals("Paused"));
    s.awaitWeight("web", "primary", "web-canary", 50, TIMEOUT);
    s.promote("web");
    s.awaitHealthy("web", TIMEOUT);
    s.await("the broken revision scaled to 0", TIMEOUT,
        w -> w.replicaSet("web", v2).map(rs -> rs.desired() == 0).orElse(true));
    s.awaitEvent("web", "RolloutPromoted", TIMEOUT);
  }
}
