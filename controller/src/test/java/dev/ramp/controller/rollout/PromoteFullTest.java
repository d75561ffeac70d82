package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.analysisStep;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static dev.ramp.controller.rollout.World.withBackground;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import org.junit.jupiter.api.Test;

class PromoteFullTest {

  @Test
  void promoteFullSkipsRemainingStepsPausesAndAnalysesThenPromotes() {
    World w = World.canary(withBackground(istio(steps(weight(20), analysisStep("a"), pause(), weight(50), pause())),
        "errors", null)).healthy();
    w.image("web:2");
    w.settle();
    String stepRun = w.runOf("step-1");
    String background = w.runOf("background");
    w.promoteFull();
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.TerminateAnalysisRun(stepRun),
        new Action.TerminateAnalysisRun(background), new Action.ScaleReplicaSet(World.rsName("web:2"), 10));
    assertThat(w.statusNow().currentStepIndex()).contains(5);
    assertThat(w.weight()).as("the weight holds until the canary is at full size").contains(20);
    assertThat(p.events()).extracting("reason").doesNotContain("StepCompleted");
    w.podsReady();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().stableRS()).contains(hash("web:2"));
    assertThat(w.statusNow().promoteFull()).isFalse();
    assertThat(w.weight()).contains(0);
  }

  @Test
  void promoteFullOfAPausedRolloutEndsThePause() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50)))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    w.promoteFull();
    w.step();
    assertThat(w.statusNow().pauseConditions()).isEmpty();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
  }

  @Test
  void promoteFullWithoutARouterMovesThePodsAllTheWayByRatio() {
    World w = World.canary(steps(weight(20), pause(), weight(50))).healthy();
    w.image("web:2");
    w.settle();
    w.promoteFull();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.rs("web:2").desired).isEqualTo(10);
    assertThat(w.rs("web:1").desired).isZero();
  }
}
