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

/** Blue-green: preview first, the active Service switched once the new revision is fully available. */
@ExtendWith(E2eExtension.class)
class BlueGreenTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void previewFirstThenActiveOnceFullyAvailableThenTheOldPodsAfterTheDelay(Scenario s) {
    s.apply("blue-green");
    World start = s.awaitHealthy("shop", TIMEOUT);
    String v1 = start.rollout("shop").stableHash();
    assertThat(start.serviceHash("shop-active")).isEqualTo(v1);
    assertThat(start.serviceHash("shop-preview")).isEqualTo(v1);

    s.setImage("shop", Images.demoApp("1.1"));
    String v2 = s.awaitRevision("shop", Images.demoApp("1.1"), TIMEOUT);
    World paused = s.awaitRollout("shop", "paused for promotion", TIMEOUT,
        r -> r.observed() && r.pauseReasons().contains("BlueGreenPause"));
    assertThat(paused.serviceHash("shop-preview")).as("preview").isEqualTo(v2);
    assertThat(paused.serviceHash("shop-active")).as("active while paused").isEqualTo(v1);
    assertThat(paused.replicaSet("shop", v2)).map(ReplicaSetView::desired).as("previewReplicaCount").contains(1);
    assertThat(paused.replicaSet("shop", v1)).map(ReplicaSetView::available).contains(3);

    s.promote("shop");
    World end = s.awaitHealthy("shop", TIMEOUT);
    assertThat(end.rollout("shop").stableHash()).isEqualTo(v2);
    World gone = s.await("the old revision scaled to 0", TIMEOUT,
        w -> w.replicaSet("shop", v1).map(rs -> rs.desired() == 0).orElse(true));
    List<World> history = s.timeline().since(start);

    World previewed = Timeline.after(history, "the preview Service selects the new revision",
        w -> true, w -> w.serviceHash("shop-preview").equals(v2));
    World switched = Timeline.after(history, "the active Service selects the new revision",
        w -> true, w -> w.serviceHash("shop-active").equals(v2));
    assertThat(previewed.resourceVersion()).as("preview pinned before active").isLessThan(switched.resourceVersion());
    assertThat(switched.replicaSet("shop", v2)).map(ReplicaSetView::available)
        .as("new pods available when active switched").contains(3);
    assertThat(switched.replicaSet("shop", v1)).map(ReplicaSetView::available)
        .as("old pods still there when active switched").contains(3);
    World scaledDown = Timeline.after(history, "the old revision was scaled down",
        w -> w.serviceHash("shop-active").equals(v2),
        w -> w.replicaSet("shop", v1).map(rs -> rs.desired() < 3).orElse(true));
    assertThat(Duration.between(switched.at(), scaledDown.at()))
        .as("old revision scaled down after scaleDownDelaySeconds (2 s) from the switch")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1800));
    assertThat(gone.serviceHash("shop-preview")).isEqualTo(v2);
    assertThat(s.awaitEvent("shop", "RolloutPromoted", TIMEOUT).message()).contains(v2);
    s.awaitEvents("shop", "RolloutCompleted", 2, TIMEOUT);
  }

  @Test
  void autoPromotionSwitchesActiveAfterAutoPromotionSeconds(Scenario s) {
    s.apply("blue-green-auto");
    World start = s.awaitHealthy("api", TIMEOUT);
    String v1 = start.rollout("api").stableHash();

    s.setImage("api", Images.demoApp("1.1"));
    String v2 = s.awaitRevision("api", Images.demoApp("1.1"), TIMEOUT);
    s.awaitHealthy("api", TIMEOUT);
    List<World> history = s.timeline().since(start);
    World ready = Timeline.after(history, "the new revision is fully available behind preview",
        w -> true, w -> w.serviceHash("api-preview").equals(v2)
            && w.replicaSet("api", v2).map(rs -> rs.available() == 2).orElse(false));
    World switched = Timeline.after(history, "the active Service selects the new revision",
        w -> true, w -> w.serviceHash("api-active").equals(v2));
    assertThat(Duration.between(ready.at(), switched.at())).as("autoPromotionSeconds: 1")
        .isGreaterThanOrEqualTo(Duration.ofMillis(800)).isLessThan(Duration.ofSeconds(5));
    assertThat(switched.replicaSet("api", v1)).map(ReplicaSetView::available).contains(2);
  }
}
