package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.CANARY_SERVICE;
import static dev.ramp.controller.rollout.World.STABLE_SERVICE;
import static dev.ramp.controller.rollout.World.canaryScale;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.rsName;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.subsets;
import static dev.ramp.controller.rollout.World.weight;
import static dev.ramp.controller.rollout.World.withDelays;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.SetCanaryScale;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanaryWithRoutingTest {

  @Test
  void firstDeploySkipsTheStepsAndBecomesStableOnceAvailable() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50))));
    Plan first = w.step();
    assertThat(first.actions()).containsExactly(new Action.CreateReplicaSet(rsName("web:1"), hash("web:1"), 1, 10));
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    assertThat(w.statusNow().stableRS()).isEmpty();
    assertThat(w.selector(STABLE_SERVICE)).as("no Service moves onto pods that are not available").isNull();

    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().stableRS()).contains(hash("web:1"));
    assertThat(w.statusNow().currentStepIndex()).contains(3);
    assertThat(w.selector(STABLE_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.eventReasons()).contains("RolloutCompleted").doesNotContain("StepCompleted");
  }

  @Test
  void setWeightScalesTheCanaryFirstAndMovesTrafficOnlyOnceItsPodsAreAvailable() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50)))).healthy();
    w.image("web:2");
    Plan p = w.step();
    assertThat(p.actions()).containsExactly(new Action.CreateReplicaSet(rsName("web:2"), hash("web:2"), 2, 2));
    assertThat(w.weight()).contains(0);

    p = w.step();
    assertThat(p.actions()).as("pods not available yet: nothing moves").isEmpty();

    w.podsReady();
    p = w.step();
    assertThat(p.actions()).containsExactly(
        new Action.PinSelectors(Map.of(CANARY_SERVICE, hash("web:2"))),
        new Action.SetCanaryWeight(20));
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.events.get(w.events.size() - 2).message()).isEqualTo("Step 1/3 completed: canary weight 20%");
  }

  @Test
  void theStableReplicaSetStaysAtFullSizeWhileTheCanaryTakesWeight() {
    World w = World.canary(istio(steps(weight(30), weight(60), weight(90)))).healthy();
    w.image("web:2");
    for (int i = 0; i < 30 && (i == 0 || w.phase() != RolloutPhase.HEALTHY); i++) {
      w.step();
      assertThat(w.rs("web:1").desired).isEqualTo(10);
      w.podsReady();
    }
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.weightHistory).containsExactly(30, 60, 90, 0);
  }

  @Test
  void setCanaryScaleSizesTheCanaryApartFromItsWeightUntilMatchTrafficWeight() {
    World w = World.canary(istio(steps(canaryScale(SetCanaryScale.ofReplicas(1)), weight(50), pause(),
        canaryScale(SetCanaryScale.ofWeight(80)), pause(), canaryScale(SetCanaryScale.matchingTrafficWeight()),
        pause()))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.rs("web:2").desired).isEqualTo(1);
    assertThat(w.weight()).contains(50);
    w.promote();
    w.settle();
    assertThat(w.rs("web:2").desired).isEqualTo(8);
    assertThat(w.weight()).contains(50);
    w.promote();
    w.settle();
    assertThat(w.rs("web:2").desired).isEqualTo(5);
  }

  @Test
  void promotionPinsTheStableServiceThenReturnsTheWeightThenLeavesTheOldStableForItsDelay() {
    World w = World.canary(istio(steps(weight(50)))).healthy();
    w.image("web:2");
    w.step();
    w.podsReady();
    w.step(); // weight 50, steps done, canary scaled to full
    w.podsReady();
    Plan promotion = w.step();
    assertThat(promotion.actions()).containsExactly(
        new Action.PinSelectors(Map.of(STABLE_SERVICE, hash("web:2"))),
        new Action.SetCanaryWeight(0),
        new Action.SetScaleDownDeadline(rsName("web:1"), Optional.of(w.now().plusSeconds(30))));
    assertThat(w.statusNow().stableRS()).contains(hash("web:2"));
    assertThat(promotion.requeueAfter()).contains(Duration.ofSeconds(30));

    w.advance(Duration.ofSeconds(10));
    assertThat(w.step().requeueAfter()).contains(Duration.ofSeconds(20));
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    w.advance(Duration.ofSeconds(20));
    assertThat(w.step().actions()).containsExactly(new Action.ScaleReplicaSet(rsName("web:1"), 0));
  }

  @Test
  void withNoScaleDownDelayTheOldStableGoesRightAfterTheTrafficHasMoved() {
    World w = World.canary(withDelays(istio(steps(weight(50))), 0, null)).healthy();
    w.image("web:2");
    w.settle();
    int pin = indexOf(w, new Action.PinSelectors(Map.of(STABLE_SERVICE, hash("web:2"))));
    int scale = indexOf(w, new Action.ScaleReplicaSet(rsName("web:1"), 0));
    assertThat(pin).isLessThan(scale);
    assertThat(indexOf(w, new Action.SetCanaryWeight(0))).isBetween(pin, scale);
  }

  @Test
  void aVirtualServiceEditedByHandIsPutBackToTheWeightTheRolloutIsAt() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.weightEdited(70);
    assertThat(w.step().actions()).containsExactly(new Action.SetCanaryWeight(20));
    w.weightEdited(5);
    assertThat(w.step().actions()).containsExactly(new Action.SetCanaryWeight(20));
  }

  @Test
  void routesThatDisagreeAreWrittenAgain() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.weightUnknown();
    assertThat(w.step().actions()).containsExactly(new Action.SetCanaryWeight(20));
  }

  @Test
  void theCanaryServiceSelectsTheCanaryDuringTheRolloutAndTheStableRevisionOtherwise() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:1"));
    w.image("web:2");
    w.settle();
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.selector(STABLE_SERVICE)).isEqualTo(hash("web:1"));
  }

  @Test
  void subsetSplitMovesTheCanarySubsetOnlyOntoAvailablePods() {
    World w = World.canary(subsets(steps(weight(20), pause()))).healthy();
    assertThat(w.selector("web-dr/stable")).isEqualTo(hash("web:1"));
    w.image("web:2");
    w.step();
    w.step();
    assertThat(w.selector("web-dr/canary")).isEqualTo(hash("web:1"));
    w.podsReady();
    w.step();
    assertThat(w.selector("web-dr/canary")).isEqualTo(hash("web:2"));
    assertThat(w.weight()).contains(20);
  }

  @Test
  void aCanaryThatIsAlreadyAtItsWeightCostsNoWriteOnResync() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.settle();
    for (int i = 0; i < 5; i++) {
      w.advance(Duration.ofMinutes(1));
      Plan p = w.step();
      assertThat(p.actions()).isEmpty();
      assertThat(p.events()).isEmpty();
    }
  }

  @Test
  void aCanaryWithoutStepsGoesToFullSizeThenIsPromoted() {
    World w = World.canary(istio(steps())).healthy();
    w.image("web:2");
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.CreateReplicaSet(rsName("web:2"), hash("web:2"), 2, 10));
    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.weightHistory).isEmpty();
    assertThat(w.selector(STABLE_SERVICE)).isEqualTo(hash("web:2"));
  }

  @Test
  void aLostStatusDoesNotScaleAwayPodsThatServeBeforeTheCurrentOnesAreAvailable() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.status(b -> dev.ramp.api.rollout.RolloutStatus.builder()); // the status is gone (a CRD reinstalled)
    w.step();
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.rs("web:2").desired).isEqualTo(10);
    w.podsReady();
    w.step();
    assertThat(w.rs("web:1").desired).isZero();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  static int indexOf(World w, Action action) {
    int i = w.actionLog.indexOf(action);
    assertThat(i).as(action + " in " + w.actionLog).isNotNegative();
    return i;
  }
}
