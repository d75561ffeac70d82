package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.analysisStep;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static dev.ramp.controller.rollout.World.withBackground;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.PauseReason;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalysisTest {

  private static World atAnalysisStep() {
    World w = World.canary(istio(steps(weight(20), analysisStep("success-rate"), weight(60)))).healthy();
    w.image("web:2");
    w.settle();
    return w;
  }

  @Test
  void anAnalysisStepStartsOneRunForTheStepAndWaitsForIt() {
    World w = atAnalysisStep();
    assertThat(w.runs()).hasSize(1);
    String run = w.runOf("step-1");
    assertThat(run).isEqualTo("web-" + hash("web:2") + "-step-1");
    Action.CreateAnalysisRun created = w.run(run).created;
    assertThat(created.purpose()).isEqualTo(new AnalysisPurpose.Step(1));
    assertThat(created.latestHash()).isEqualTo(hash("web:2"));
    assertThat(created.stableHash()).isEqualTo(hash("web:1"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    assertThat(w.statusNow().currentStepIndex()).contains(1);
    assertThat(w.statusNow().canary().currentStepAnalysisRunStatus().orElseThrow().name()).isEqualTo(run);
    w.runPhase(run, AnalysisPhase.RUNNING, null);
    assertThat(w.step().actions()).isEmpty();
  }

  @Test
  void aSuccessfulRunCompletesTheStep() {
    World w = atAnalysisStep();
    w.runPhase(w.runOf("step-1"), AnalysisPhase.SUCCESSFUL, "success-rate 0.998 >= 0.95");
    Plan p = w.step();
    assertThat(w.statusNow().currentStepIndex()).contains(2);
    assertThat(p.events()).extracting("reason").containsSubsequence("AnalysisRunSuccessful", "StepCompleted");
    assertThat(p.events().get(0).message()).contains("success-rate 0.998");
  }

  @Test
  void aFailedRunAbortsInTheSameReconcileWithTrafficToStableFirstAndSaysWhy() {
    World w = atAnalysisStep();
    w.runPhase(w.runOf("step-1"), AnalysisPhase.FAILED,
        "metric success-rate: 0.71 < 0.95, failures 1 > failureLimit 0");
    Plan p = w.step();
    assertThat(p.actions().get(0)).isEqualTo(new Action.SetCanaryWeight(0));
    assertThat(w.statusNow().abort()).isTrue();
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    String why = w.statusNow().condition(RolloutCondition.PROGRESSING).orElseThrow().message().orElseThrow();
    assertThat(why).contains(w.runOf("step-1")).contains("Failed").contains("success-rate: 0.71 < 0.95")
        .contains("step 2/3");
    assertThat(p.events()).extracting("reason").containsSubsequence("AnalysisRunFailed", "RolloutAborted");
  }

  @Test
  void anErroredRunAbortsToo() {
    World w = atAnalysisStep();
    w.runPhase(w.runOf("step-1"), AnalysisPhase.ERROR, "prometheus unreachable: 5 consecutive errors");
    w.step();
    assertThat(w.statusNow().abort()).isTrue();
    assertThat(w.statusNow().message().orElseThrow()).contains("prometheus unreachable");
  }

  @Test
  void anInconclusiveRunPausesForAPersonAndPromotionSkipsTheStep() {
    World w = atAnalysisStep();
    w.runPhase(w.runOf("step-1"), AnalysisPhase.INCONCLUSIVE, "no data");
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.statusNow().pauseCondition(PauseReason.INCONCLUSIVE_ANALYSIS_RUN)).isPresent();
    assertThat(w.statusNow().controllerPause()).isTrue();
    w.promote();
    w.step();
    assertThat(w.statusNow().currentStepIndex()).contains(2);
    assertThat(w.statusNow().pauseConditions()).isEmpty();
  }

  @Test
  void promoteDuringTheFirstOfTwoAnalysisStepsTerminatesItsRun() {
    World w = World.canary(istio(steps(weight(20), analysisStep("a"), analysisStep("b"), weight(60)))).healthy();
    w.image("web:2");
    w.settle();
    String first = w.runOf("step-1");
    w.runPhase(first, AnalysisPhase.RUNNING, null);
    // kubectl ramp promote while no pause holds the rollout: skip the blocking analysis step
    w.status(b -> b.currentStepIndex(2));
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.TerminateAnalysisRun(first));
    assertThat(w.runOf("step-2")).isNotEqualTo(first);
    assertThat(w.run(first).terminated).isTrue();
  }

  @Test
  void aLostStatusWriteDoesNotStartASecondRun() {
    World w = World.canary(istio(steps(weight(20), analysisStep("success-rate")))).healthy();
    w.image("web:2");
    w.settle();
    String run = w.runOf("step-1");
    // the status naming the run was never written
    w.status(b -> b.canary(w.statusNow().canary().withCurrentStepAnalysisRunStatus(null)));
    Plan p = w.step();
    assertThat(p.actions()).noneMatch(a -> a instanceof Action.CreateAnalysisRun);
    assertThat(w.statusNow().canary().currentStepAnalysisRunStatus().orElseThrow().name()).isEqualTo(run);
  }

  @Test
  void aRetryAfterAFailedAnalysisStartsANewRunInsteadOfReadingTheOldVerdict() {
    World w = atAnalysisStep();
    String failed = w.runOf("step-1");
    w.runPhase(failed, AnalysisPhase.FAILED, "bad");
    w.settle();
    w.retry();
    w.settle();
    String again = w.runOf("step-1");
    assertThat(again).isNotEqualTo(failed).isEqualTo(failed + "-2");
    assertThat(w.statusNow().abort()).isFalse();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
  }

  @Test
  void backgroundAnalysisStartsAtItsStartingStepAndIsTerminatedAtPromotion() {
    World w = World.canary(withBackground(istio(steps(weight(20), pause(), weight(50), pause())), "errors", 2))
        .healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.runs()).isEmpty();
    w.promote();
    w.settle();
    String background = w.runOf("background");
    assertThat(w.statusNow().canary().currentBackgroundAnalysisRunStatus().orElseThrow().name()).isEqualTo(background);
    w.runPhase(background, AnalysisPhase.RUNNING, null);
    w.promote();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.run(background).terminated).isTrue();
  }

  @Test
  void aFailingBackgroundAnalysisAborts() {
    World w = World.canary(withBackground(istio(steps(weight(20), pause())), "errors", null)).healthy();
    w.image("web:2");
    w.settle();
    w.runPhase(w.runOf("background"), AnalysisPhase.FAILED, "error-rate 0.3 > 0.05");
    Plan p = w.step();
    assertThat(p.actions().get(0)).isEqualTo(new Action.SetCanaryWeight(0));
    assertThat(w.statusNow().message().orElseThrow()).contains("background").contains("error-rate 0.3 > 0.05");
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
  }

  @Test
  void anInconclusiveBackgroundAnalysisHoldsTheStepsUntilPromotedThenStartsAgain() {
    World w = World.canary(withBackground(istio(steps(weight(20), weight(40), weight(60))), "errors", null))
        .healthy();
    w.image("web:2");
    w.step();
    String first = w.runOf("background");
    w.runPhase(first, AnalysisPhase.INCONCLUSIVE, "no data");
    w.podsReady();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.statusNow().currentStepIndex()).contains(0);
    w.promote();
    w.settle();
    String second = w.runOf("background");
    assertThat(second).isNotEqualTo(first);
    w.runPhase(second, AnalysisPhase.RUNNING, null);
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void aTemplateChangeTerminatesTheRunsOfTheRevisionItReplaces() {
    World w = atAnalysisStep();
    String old = w.runOf("step-1");
    w.image("web:3");
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.TerminateAnalysisRun(old));
  }

  @Test
  void finishedRunsBeyondTheHistoryLimitsAreDeletedOldestFirst() {
    World w = World.canary(istio(steps(analysisStep("a"), analysisStep("b"), analysisStep("c"), analysisStep("d"),
        analysisStep("e"), analysisStep("f"), analysisStep("g")))).healthy();
    w.image("web:2");
    for (int i = 0; i < 7; i++) {
      w.settle();
      w.runPhase(w.runOf("step-" + i), AnalysisPhase.SUCCESSFUL, null);
      w.advance(Duration.ofMinutes(1));
    }
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.runs()).hasSize(6); // 5 kept, plus the one the status still names
    assertThat(w.runs().keySet()).noneMatch(n -> n.endsWith("step-0"));
  }
}
