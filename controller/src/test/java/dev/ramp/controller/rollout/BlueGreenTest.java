package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.ACTIVE_SERVICE;
import static dev.ramp.controller.rollout.World.PREVIEW_SERVICE;
import static dev.ramp.controller.rollout.World.blueGreenStrategy;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.rsName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlueGreenTest {

  @Test
  void firstDeployPinsTheActiveServiceAtOnce() {
    World w = World.blueGreen(blueGreenStrategy(null, 0, null, null, null));
    Plan p = w.step();
    assertThat(p.actions()).containsExactly(
        new Action.CreateReplicaSet(rsName("web:1"), hash("web:1"), 1, 10),
        new Action.PinSelectors(Map.of(ACTIVE_SERVICE, hash("web:1"), PREVIEW_SERVICE, hash("web:1"))));
    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().blueGreen().activeSelector()).contains(hash("web:1"));
  }

  @Test
  void thePreviewServiceAndPrePromotionAnalysisWaitForTheNewPodsToBeAvailable() {
    World w = World.blueGreen(blueGreenStrategy(null, 0, 2, "smoke", null)).healthy();
    w.image("web:2");
    w.step();
    assertThat(w.rs("web:2").desired).isEqualTo(2);
    assertThat(w.selector(PREVIEW_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.runs()).isEmpty();
    w.podsReady();
    w.step();
    assertThat(w.selector(PREVIEW_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.runOf("pre-promotion")).isNotNull();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
  }

  @Test
  void withAutoPromotionTheSwitchFollowsAsSoonAsTheNewRevisionIsFullyAvailable() {
    World w = World.blueGreen(blueGreenStrategy(null, 0, null, null, null)).healthy();
    w.image("web:2");
    w.step();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    w.podsReady();
    w.step();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.rs("web:1").scaleDownAt).contains(w.now().plusSeconds(30));
  }

  @Test
  void autoPromotionSecondsPausesThatLongThenSwitches() {
    World w = World.blueGreen(blueGreenStrategy(true, 120, null, null, null)).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.statusNow().pauseCondition(PauseReason.BLUE_GREEN_PAUSE)).isPresent();
    assertThat(w.plan().requeueAfter()).contains(Duration.ofSeconds(120));
    w.advance(Duration.ofSeconds(120));
    w.settle();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void autoPromotionDisabledWaitsForAPersonThenScalesToFullBeforeTheSwitch() {
    World w = World.blueGreen(blueGreenStrategy(false, 0, 1, null, null)).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    w.advance(Duration.ofHours(3));
    assertThat(w.step().actions()).isEmpty();
    w.promote();
    w.step();
    assertThat(w.rs("web:2").desired).isEqualTo(10);
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    w.podsNotReady("web:2");
    w.step();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    w.podsReady();
    w.step();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:2"));
  }

  @Test
  void aFailingPostPromotionAnalysisSwitchesTheActiveServiceBackToTheOldRevision() {
    World w = World.blueGreen(blueGreenStrategy(null, 0, null, null, "errors")).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.statusNow().stableRS()).as("not stable before post-promotion analysis passed")
        .contains(hash("web:1"));
    assertThat(w.rs("web:1").desired).as("old revision still at full size").isEqualTo(10);
    w.runPhase(w.runOf("post-promotion"), AnalysisPhase.FAILED, "error-rate 0.4 > 0.01");
    Plan p = w.step();
    assertThat(p.actions().get(0)).isEqualTo(
        new Action.PinSelectors(Map.of(ACTIVE_SERVICE, hash("web:1"), PREVIEW_SERVICE, hash("web:1"))));
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    assertThat(w.statusNow().message().orElseThrow()).contains("post-promotion").contains("error-rate 0.4");
  }

  @Test
  void aSuccessfulPostPromotionAnalysisMakesTheNewRevisionStable() {
    World w = World.blueGreen(blueGreenStrategy(null, 0, null, null, "errors")).healthy();
    w.image("web:2");
    w.settle();
    w.runPhase(w.runOf("post-promotion"), AnalysisPhase.SUCCESSFUL, null);
    w.settle();
    assertThat(w.statusNow().stableRS()).contains(hash("web:2"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:1").desired).isZero();
  }

  @Test
  void abortKeepsTheActiveServiceOnStableAndScalesThePreviewDownAfterTheDelay() {
    World w = World.blueGreen(blueGreenStrategy(false, 0, null, null, null)).healthy();
    w.image("web:2");
    w.settle();
    w.abort();
    w.settle();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.selector(PREVIEW_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.rs("web:2").desired).isEqualTo(10);
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:2").desired).isZero();
    assertThat(w.rs("web:1").desired).isEqualTo(10);
  }

  @Test
  void aFailingPrePromotionAnalysisAbortsBeforeAnyTrafficMoves() {
    World w = World.blueGreen(blueGreenStrategy(null, 0, null, "smoke", null)).healthy();
    w.image("web:2");
    w.settle();
    w.runPhase(w.runOf("pre-promotion"), AnalysisPhase.FAILED, "smoke test failed");
    w.settle();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
  }

  @Test
  void promoteFullSkipsAnalysisAndPause() {
    World w = World.blueGreen(blueGreenStrategy(false, 0, 2, "smoke", null)).healthy();
    w.image("web:2");
    w.settle();
    w.promoteFull();
    w.settle();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().promoteFull()).isFalse();
  }
}
