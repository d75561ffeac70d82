package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A canary without a traffic router: the weight is the canary's share of the pods. */
@ExtendWith(E2eExtension.class)
class CanaryByReplicaRatioTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void aNewImageMovesInByReplicaRatioStepByStepToHealthy(Scenario s) {
    s.apply("canary-replica-ratio");
    World first = s.awaitHealthy("ratio", TIMEOUT);
    String v1 = first.rollout("ratio").stableHash();
    assertThat(first.replicaSet("ratio", v1)).map(ReplicaSetView::available).contains(4);

    s.setImage("ratio", Images.demoApp("1.1"));
    String v2 = s.awaitRevision("ratio", Images.demoApp("1.1"), TIMEOUT);
    // step 2 (pause) is reached once 1 of 4 pods runs the canary; step 4 once 2 of 4 do
    World quarter = s.awaitStep("ratio", 1, TIMEOUT);
    assertThat(pods(quarter, v2)).as("canary pods at 25%").isEqualTo(1);
    assertThat(pods(quarter, v1)).as("stable pods at 25%").isEqualTo(3);
    World half = s.awaitStep("ratio", 3, TIMEOUT);
    assertThat(pods(half, v2)).as("canary pods at 50%").isEqualTo(2);
    assertThat(pods(half, v1)).as("stable pods at 50%").isEqualTo(2);

    World done = s.awaitHealthy("ratio", TIMEOUT);
    assertThat(done.rollout("ratio").stableHash()).isEqualTo(v2);
    assertThat(done.replicaSet("ratio", v2)).map(ReplicaSetView::available).contains(4);
    s.await("the old revision scaled to 0", TIMEOUT,
        w -> w.replicaSet("ratio", v1).map(rs -> rs.desired() == 0 && rs.pods() == 0).orElse(true));

    // pods move one way only: the canary's desired count only grows, the stable's only shrinks
    assertThat(s.timeline().distinct(w -> w.replicaSet("ratio", v2).map(ReplicaSetView::desired)))
        .as("the canary's desired replicas over time").isSorted().startsWith(1).endsWith(4);
    assertThat(s.timeline().distinct(w -> w.replicaSet("ratio", v1).map(ReplicaSetView::desired)))
        .as("the stable's desired replicas over time").isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .startsWith(4).endsWith(0);
    s.awaitEvent("ratio", "RolloutPromoted", TIMEOUT);
    List<String> steps = s.events("ratio").stream().filter(e -> e.reason().equals("StepCompleted"))
        .map(EventView::message).toList();
    assertThat(steps).hasSize(4).allMatch(m -> m.startsWith("Step "));
    s.awaitEvents("ratio", "RolloutCompleted", 2, TIMEOUT);
  }

  private static int pods(World world, String hash) {
    return world.pods(hash).size();
  }
}
