package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.e2e.harness.E2eExtension;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.ReplicaSetView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.Timeline;
import dev.ramp.e2e.harness.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Istio subset-level split: one host, the DestinationRule's subsets pinned to the revisions' hashes. */
@ExtendWith(E2eExtension.class)
class IstioSubsetSplitTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void subsetsArePinnedToHashesAndTheRouteWeighsThem(Scenario s) {
    s.apply("istio-subset-split");
    World start = s.awaitHealthy("shop", TIMEOUT);
    String v1 = start.rollout("shop").stableHash();
    assertThat(start.subsetHash("shop", "stable")).isEqualTo(v1);
    assertThat(start.subsetHash("shop", "canary")).isEqualTo(v1);

    s.setImage("shop", Images.demoApp("1.1"));
    World end = s.awaitHealthy("shop", TIMEOUT);
    String v2 = end.rollout("shop").stableHash();
    List<World> rollout = s.timeline().since(start);

    assertThat(Timeline.distinct(rollout, w -> w.weight("shop", "", "canary")))
        .as("weights of subset canary, in order").containsExactly(0, 25, 75, 0);
    assertThat(Timeline.distinct(rollout, w -> w.weight("shop", "", "stable")))
        .as("weights of subset stable, in order").containsExactly(100, 75, 25, 100);

    // the canary subset moved to the new hash once its pods were all available, and before any weight
    World pinned = Timeline.after(rollout, "the canary subset selects the new revision",
        w -> true, w -> w.subsetHash("shop", "canary").equals(v2));
    assertThat(pinned.weight("shop", "", "canary")).contains(0);
    assertThat(pinned.replicaSet("shop", v2)).hasValueSatisfying(rs ->
        assertThat(rs.available()).as("canary pods available when its subset moved").isEqualTo(rs.desired()));
    assertThat(pinned.subsetHash("shop", "stable")).isEqualTo(v1);
    // at the end the stable subset moved onto the fully available new pods before the weight went to 0
    World backToZero = Timeline.after(rollout, "the canary weight went from 75 back to 0",
        w -> w.weight("shop", "", "canary").orElse(-1) == 75, w -> w.weight("shop", "", "canary").orElse(-1) == 0);
    assertThat(backToZero.subsetHash("shop", "stable")).isEqualTo(v2);
    assertThat(backToZero.replicaSet("shop", v2)).map(ReplicaSetView::available).contains(4);
    assertThat(end.subsetHash("shop", "canary")).isEqualTo(v2);
    s.await("the old revision scaled to 0", TIMEOUT,
        w -> w.replicaSet("shop", v1).map(rs -> rs.desired() == 0).orElse(true));
  }
}
