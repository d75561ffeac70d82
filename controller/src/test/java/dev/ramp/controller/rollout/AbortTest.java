package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.CANARY_SERVICE;
import static dev.ramp.controller.rollout.World.STABLE_SERVICE;
import static dev.ramp.controller.rollout.World.analysisStep;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.rsName;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static dev.ramp.controller.rollout.World.withDelays;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbortTest {

  private static World pausedAt50() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    return w;
  }

  @Test
  void abortMovesTrafficToStableBeforeScalingTheCanaryDown() {
    World w = pausedAt50();
    w.abort();
    Plan p = w.step();
    assertThat(p.actions().get(0)).isEqualTo(new Action.SetCanaryWeight(0));
    assertThat(p.actions()).noneMatch(a -> a instanceof Action.ScaleReplicaSet);
    w.advance(Duration.ofSeconds(30));
    assertThat(w.step().actions()).containsExactly(new Action.ScaleReplicaSet(rsName("web:2"), 0));
  }

  @Test
  void abortRecordsWhenAndWhyAndTurnsDegraded() {
    World w = pausedAt50();
    w.abort();
    Plan p = w.step();
    assertThat(w.statusNow().abortedAt()).contains(w.now().atOffset(ZoneOffset.UTC));
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    RolloutCondition progressing = w.statusNow().condition(RolloutCondition.PROGRESSING).orElseThrow();
    assertThat(progressing.reason()).contains("RolloutAborted");
    assertThat(progressing.message().orElseThrow()).contains("status.abort").contains(rsName("web:1"));
    assertThat(p.events()).filteredOn(t -> t.reason().equals("RolloutAborted")).singleElement()
        .satisfies(t -> assertThat(t.warning()).isTrue());
  }

  @Test
  void theAbortIsAnnouncedExactlyOnceHoweverOftenItIsReconciled() {
    World w = pausedAt50();
    w.abort();
    w.settle();
    for (int i = 0; i < 10; i++) {
      w.advance(Duration.ofSeconds(7));
      w.step();
    }
    assertThat(w.eventReasons().stream().filter("RolloutAborted"::equals)).hasSize(1);
  }

  @Test
  void abortWithNoRolloutInProgressTouchesNothingAndNeverScalesTheStableDown() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.abort();
    for (int i = 0; i < 3; i++) {
      w.advance(Duration.ofMinutes(1));
      Plan p = w.step();
      assertThat(p.actions()).isEmpty();
    }
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().abortedAt()).isEmpty();
  }

  @Test
  void abortingAPausedRolloutEndsThePause() {
    World w = pausedAt50();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    w.events.clear();
    w.abort();
    w.settle();
    assertThat(w.statusNow().pauseConditions()).isEmpty();
    assertThat(w.statusNow().controllerPause()).isFalse();
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    assertThat(w.eventReasons()).doesNotContain("RolloutResumed");
  }

  @Test
  void afterAnAbortTheCanaryServiceSelectsTheStableRevisionAgainAndNothingFlaps() {
    World w = pausedAt50();
    w.abort();
    w.settle();
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.selector(STABLE_SERVICE)).isEqualTo(hash("web:1"));
    int writes = w.actionLog.size();
    for (int i = 0; i < 20; i++) {
      w.advance(Duration.ofMinutes(3));
      w.step();
    }
    assertThat(w.actionLog).hasSize(writes);
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
  }

  @Test
  void abortScaleDownDelayOfZeroKeepsTheCanaryRunning() {
    World w = World.canary(withDelays(istio(steps(weight(20), pause())), null, 0)).healthy();
    w.image("web:2");
    w.settle();
    w.abort();
    w.settle();
    w.advance(Duration.ofHours(2));
    w.settle();
    assertThat(w.weight()).contains(0);
    assertThat(w.rs("web:2").desired).isEqualTo(2);
  }

  @Test
  void retryRestartsTheStepsFromTheFirst() {
    World w = pausedAt50();
    w.abort();
    w.settle();
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:2").desired).isZero();
    w.retry();
    Plan p = w.step();
    assertThat(w.statusNow().currentStepIndex()).contains(0);
    assertThat(w.statusNow().abortedAt()).isEmpty();
    assertThat(p.actions()).contains(new Action.ScaleReplicaSet(rsName("web:2"), 2));
    assertThat(p.events()).extracting("reason").contains("RolloutRetried");
    w.podsReady();
    w.settle();
    assertThat(w.weight()).contains(20);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
  }

  @Test
  void aNewTemplateAfterAnAbortIsAFreshRollout() {
    World w = pausedAt50();
    w.abort();
    w.settle();
    w.image("web:3");
    w.step();
    assertThat(w.statusNow().abort()).isFalse();
    assertThat(w.statusNow().abortedAt()).isEmpty();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    w.podsReady();
    w.settle();
    assertThat(w.weight()).contains(20);
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:3"));
  }

  @Test
  void abortTerminatesTheAnalysesThatRun() {
    World w = World.canary(istio(steps(weight(20), analysisStep("success-rate")))).healthy();
    w.image("web:2");
    w.settle();
    String run = w.runOf("step-1");
    w.abort();
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.TerminateAnalysisRun(run));
    assertThat(p.actions().indexOf(new Action.SetCanaryWeight(0)))
        .isLessThan(p.actions().indexOf(new Action.TerminateAnalysisRun(run)));
  }

  @Test
  void abortWithoutARouterScalesTheCanaryDownAndTheStableBackWithinTheLimits() {
    World w = World.canary(steps(weight(50), pause())).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.rs("web:2").desired).isEqualTo(5);
    w.abort();
    for (int i = 0; i < 20; i++) {
      w.step();
      int available = w.replicaSets().values().stream().mapToInt(rs -> rs.available).sum();
      assertThat(available).isGreaterThanOrEqualTo(8);
      w.podsReady();
    }
    assertThat(w.rs("web:2").desired).isZero();
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
  }

  @Test
  void theAbortMessageSurvivesLaterReconciles() {
    World w = pausedAt50();
    w.abort();
    w.step();
    String message = w.statusNow().message().orElseThrow();
    w.advance(Duration.ofMinutes(5));
    w.settle();
    assertThat(w.statusNow().message()).contains(message);
    assertThat(List.of(message)).allMatch(m -> m.startsWith("Rollout aborted"));
  }
}
