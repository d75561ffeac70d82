package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.T0;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.PauseCondition;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PauseTest {

  @Test
  void aPauseWithoutDurationWaitsForPromotionWithAPauseConditionItsStartAndControllerPause() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    RolloutStatus s = w.statusNow();
    assertThat(s.phase()).contains(RolloutPhase.PAUSED);
    assertThat(s.pauseConditions()).containsExactly(
        new PauseCondition(PauseReason.CANARY_PAUSE_STEP, T0.atOffset(ZoneOffset.UTC)));
    assertThat(s.controllerPause()).isTrue();
    assertThat(s.currentStepIndex()).contains(1);
    assertThat(w.plan().requeueAfter()).as("nothing to wake for: a person promotes").isEmpty();
    assertThat(s.condition(RolloutCondition.PAUSED).get().reason()).contains("CanaryPauseStep");
  }

  @Test
  void promotionClearsThePauseConditionsAndTheRolloutMovesOn() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(40), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    Plan p = w.step();
    assertThat(w.statusNow().currentStepIndex()).contains(2);
    assertThat(w.statusNow().controllerPause()).isFalse();
    assertThat(w.statusNow().pauseConditions()).isEmpty();
    assertThat(p.events()).extracting("reason").containsExactly("RolloutResumed", "StepCompleted");
    w.podsReady();
    w.settle();
    assertThat(w.weight()).contains(40);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
  }

  @Test
  void aTimedPauseResumesByItselfAndAsksToBeWokenExactlyThenNeverPolling() {
    World w = World.canary(istio(steps(weight(20), pause("90s"), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.plan().requeueAfter()).contains(Duration.ofSeconds(90));
    w.advance(Duration.ofSeconds(89));
    Plan early = w.step();
    assertThat(early.actions()).isEmpty();
    assertThat(early.requeueAfter()).contains(Duration.ofSeconds(1));
    w.advance(Duration.ofSeconds(1));
    w.step();
    assertThat(w.statusNow().currentStepIndex()).contains(2);
    assertThat(w.statusNow().pauseConditions()).isEmpty();
  }

  @Test
  void aRestartedControllerReadsThePauseStartFromStatusAndDoesNotRestartIt() {
    World w = World.canary(istio(steps(weight(20), pause("10m"), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    w.advance(Duration.ofMinutes(7));
    Plan fresh = new RolloutPlanner().plan(w.observe());
    assertThat(fresh.actions()).isEmpty();
    assertThat(fresh.requeueAfter()).contains(Duration.ofMinutes(3));
    assertThat(fresh.status().pauseConditions()).isEqualTo(w.statusNow().pauseConditions());
    w.advance(Duration.ofMinutes(4));
    Plan late = new RolloutPlanner().plan(w.observe());
    assertThat(late.status().currentStepIndex()).as("a pause whose end passed while down is over").contains(2);
  }

  @Test
  void aLongPauseDoesNotFlipToProgressingOnEveryResync() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.settle();
    RolloutStatus paused = w.statusNow();
    for (int i = 0; i < 24; i++) {
      w.advance(Duration.ofHours(1));
      Plan p = w.step();
      assertThat(p.actions()).isEmpty();
      assertThat(p.events()).isEmpty();
      assertThat(p.status()).isEqualTo(paused);
    }
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
  }

  @Test
  void consecutivePausesEachWaitForTheirOwnPromotion() {
    World w = World.canary(istio(steps(weight(20), pause(), pause(), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    assertThat(w.statusNow().currentStepIndex()).contains(2);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    w.promote();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void specPausedHoldsEverythingWhereItIsEvenPastATimedPause() {
    World w = World.canary(istio(steps(weight(20), pause("1m"), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    w.paused(true);
    w.advance(Duration.ofMinutes(5));
    Plan held = w.step();
    assertThat(held.actions()).isEmpty();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.statusNow().currentStepIndex()).contains(1);
    assertThat(w.statusNow().condition(RolloutCondition.PAUSED).get().message().orElseThrow()).contains("spec.paused");

    w.paused(false);
    w.settle();
    assertThat(w.weight()).contains(0);
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void specPausedBeforeTheFirstDeployCreatesNothing() {
    World w = World.canary(istio(steps(weight(20)))).paused(true);
    assertThat(w.step().actions()).isEmpty();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
  }

  @Test
  void aZeroLengthPauseIsNoPause() {
    World w = World.canary(istio(steps(weight(20), pause("0s"), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.eventReasons()).doesNotContain("RolloutPaused");
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void pauseStepsWithoutAnyWeightKeepTheCanaryAtZero() {
    World w = World.canary(istio(steps(pause(), weight(50)))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.rs("web:2").desired).isZero();
    assertThat(w.weight()).contains(0);
    assertThat(w.statusNow().pauseConditions()).extracting(PauseCondition::reason)
        .isEqualTo(List.of(PauseReason.CANARY_PAUSE_STEP));
  }
}
