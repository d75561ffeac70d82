package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.e2e.harness.E2eExtension;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.ReplicaSetView;
import dev.ramp.e2e.harness.RolloutView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.Timeline;
import dev.ramp.e2e.harness.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person steps into a rollout under way (a host-split canary paused at 30%): abort, promote --full,
 * or a new pod template.
 */
@ExtendWith(E2eExtension.class)
class InterventionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String ROUTE = "primary";

  /** Deploys 1.0, then 1.1 up to the pause at 30%; returns the state before the image change. */
  private static World pausedAt30(Scenario s) {
    s.apply("istio-host-split-manual");
    World start = s.awaitHealthy("web", TIMEOUT);
    s.setImage("web", Images.demoApp("1.1"));
    s.awaitRollout("web", "paused at step 2 (30%)", TIMEOUT, r -> r.stepIndex() == 1 && r.phase().equals("Paused"));
    s.awaitWeight("web", ROUTE, "web-canary", 30, TIMEOUT);
    return start;
  }

  private static int canaryWeight(World w) {
    return w.weight("web", ROUTE, "web-canary").orElse(-1);
  }

  @Test
  void abortSendsAllTrafficToStableBeforeTheCanaryIsScaledDown(Scenario s) {
    World start = pausedAt30(s);
    String v1 = start.rollout("web").stableHash();
    String v2 = s.now().rollout("web").currentPodHash();

    s.abort("web");
    World degraded = s.awaitRollout("web", "Degraded by the abort", TIMEOUT,
        r -> r.phase().equals("Degraded") && r.aborted());
    World gone = s.await("the canary scaled to 0 and its pods gone", TIMEOUT,
        w -> w.replicaSet("web", v2).map(rs -> rs.desired() == 0).orElse(true) && w.pods(v2).isEmpty());
    List<World> history = s.timeline().since(start);

    World zero = Timeline.after(history, "the canary weight went from 30 to 0",
        w -> canaryWeight(w) == 30, w -> canaryWeight(w) == 0);
    assertThat(zero.pods(v2)).as("canary pods when its weight reached 0").isNotEmpty();
    assertThat(zero.replicaSet("web", v2)).map(ReplicaSetView::desired).as("canary size when its weight reached 0")
        .hasValueSatisfying(n -> assertThat(n).isPositive());
    World scaled = Timeline.after(history, "the canary was scaled down after the abort",
        w -> canaryWeight(w) == 0 && w.rollout("web").aborted(),
        w -> w.replicaSet("web", v2).map(rs -> rs.desired() == 0).orElse(true));
    assertThat(Duration.between(zero.at(), scaled.at())).as("abortScaleDownDelaySeconds: 1")
        .isGreaterThanOrEqualTo(Duration.ofMillis(800));
    assertThat(gone.serviceHash("web-canary")).as("canary Service back on stable (AR#2316)").isEqualTo(v1);
    assertThat(gone.serviceHash("web-stable")).isEqualTo(v1);
    assertThat(canaryWeight(gone)).isZero();
    // the stable revision kept its full size throughout
    assertThat(history).allSatisfy(w -> assertThat(w.replicaSet("web", v1)).map(ReplicaSetView::available)
        .contains(2));
    RolloutView aborted = degraded.rollout("web");
    assertThat(aborted.stableHash()).isEqualTo(v1);
    assertThat(s.awaitEvent("web", "RolloutAborted", TIMEOUT).type()).isEqualTo("Warning");
    assertThat(s.events("web")).filteredOn(e -> e.reason().equals("RolloutAborted")).hasSize(1);
  }

  @Test
  void promoteFullSkipsTheRemainingStepsAndPauses(Scenario s) {
    World start = pausedAt30(s);
    s.promoteFull("web");
    World end = s.awaitHealthy("web", TIMEOUT);
    String v2 = end.rollout("web").stableHash();
    List<World> history = s.timeline().since(start);

    assertThat(Timeline.distinct(history, w -> w.weight("web", ROUTE, "web-canary")))
        .as("canary weights: 30 then straight back to 0 on the new stable, never the 60 of step 3")
        .containsExactly(0, 30, 0);
    assertThat(history).noneMatch(w -> w.rollout("web").stepIndex() == 3 && w.rollout("web").phase().equals("Paused"));
    World backToZero = Timeline.after(history, "the weight went from 30 back to 0",
        w -> canaryWeight(w) == 30, w -> canaryWeight(w) == 0);
    assertThat(backToZero.serviceHash("web-stable")).isEqualTo(v2);
    assertThat(backToZero.replicaSet("web", v2)).map(ReplicaSetView::available).contains(2);
    assertThat(end.rollout("web").promoteFull()).as("promoteFull cleared once promoted").isFalse();
    s.awaitEvent("web", "RolloutPromoted", TIMEOUT);
    assertThat(s.events("web")).filteredOn(e -> e.reason().equals("RolloutPaused")).hasSize(1);
  }

  @Test
  void aNewPodTemplateDuringARolloutReplacesTheCanaryTrafficFirst(Scenario s) {
    World start = pausedAt30(s);
    String v1 = start.rollout("web").stableHash();
    String v2 = s.now().rollout("web").currentPodHash();

    s.setImage("web", Images.demoApp("1.2"));
    String v3 = s.awaitRevision("web", Images.demoApp("1.2"), TIMEOUT);
    s.awaitRollout("web", "paused at step 2 (30%) with the newest revision", TIMEOUT,
        r -> r.currentPodHash().equals(v3) && r.stepIndex() == 1 && r.phase().equals("Paused"));
    World paused = s.now();
    assertThat(canaryWeight(paused)).isEqualTo(30);
    assertThat(paused.serviceHash("web-canary")).isEqualTo(v3);
    assertThat(paused.serviceHash("web-stable")).isEqualTo(v1);
    s.await("the replaced canary scaled to 0", TIMEOUT,
        w -> w.replicaSet("web", v2).map(rs -> rs.desired() == 0).orElse(true));

    s.promote("web");
    s.awaitRollout("web", "paused at step 4 (60%)", TIMEOUT, r -> r.stepIndex() == 3 && r.phase().equals("Paused"));
    s.promote("web");
    World end = s.awaitHealthy("web", TIMEOUT);
    assertThat(end.rollout("web").stableHash()).isEqualTo(v3);
    List<World> history = s.timeline().since(start);

    // the canary Service moved from 1.1 to 1.2 only once 1.1's traffic was gone
    World moved = Timeline.after(history, "the canary Service moved to the newest revision",
        w -> w.serviceHash("web-canary").equals(v2), w -> w.serviceHash("web-canary").equals(v3));
    assertThat(canaryWeight(moved)).as("canary weight when its Service moved to 1.2").isZero();
    assertThat(moved.replicaSet("web", v3)).map(ReplicaSetView::available).hasValueSatisfying(a ->
        assertThat(a).isPositive());
    // 1.1 never became stable, and stable kept 1.0 until 1.2 was promoted
    assertThat(history).noneMatch(w -> w.serviceHash("web-stable").equals(v2));
    assertThat(Timeline.distinct(history, w -> w.weight("web", ROUTE, "web-canary")))
        .containsExactly(0, 30, 0, 30, 60, 0);
    s.awaitEvent("web", "RolloutPromoted", TIMEOUT);
    assertThat(s.events("web")).filteredOn(e -> e.reason().equals("RolloutUpdated")).hasSize(2);
  }
}
