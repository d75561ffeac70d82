package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.analysisStep;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.controller.plan.Plan;
import dev.ramp.controller.plan.Transition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnnouncementsTest {

  @Test
  void stepsAreAnnouncedAsPeopleReadThem() {
    World w = World.canary(istio(steps(weight(20), pause("30s"), analysisStep("success-rate"), weight(60))))
        .healthy();
    w.image("web:2");
    w.settle();
    w.advance(Duration.ofSeconds(30));
    w.settle();
    w.runPhase(w.runOf("step-2"), AnalysisPhase.SUCCESSFUL, "success-rate 0.999");
    w.settle();
    assertThat(w.events).filteredOn(t -> t.reason().equals("StepCompleted")).extracting(Transition::message)
        .containsExactly(
            "Step 1/4 completed: canary weight 20%",
            "Step 2/4 completed: pause 30s",
            "Step 3/4 completed: analysis success-rate",
            "Step 4/4 completed: canary weight 60%");
    assertThat(w.events).filteredOn(t -> t.reason().equals("AnalysisRunSuccessful")).singleElement()
        .satisfies(t -> assertThat(t.message()).contains("success-rate 0.999"));
    assertThat(w.events).filteredOn(t -> t.reason().equals("RolloutPaused")).singleElement()
        .satisfies(t -> assertThat(t.message()).contains("step 2/4 for 30s"));
  }

  @Test
  void aFailedAnalysisIsAWarningWithTheRunsMessage() {
    World w = World.canary(istio(steps(weight(20), analysisStep("success-rate")))).healthy();
    w.image("web:2");
    w.settle();
    w.runPhase(w.runOf("step-1"), AnalysisPhase.FAILED, "success-rate 0.62 < 0.95 (failureLimit 0)");
    Plan p = w.step();
    assertThat(p.events()).filteredOn(t -> t.reason().equals("AnalysisRunFailed")).singleElement()
        .satisfies(t -> {
          assertThat(t.warning()).isTrue();
          assertThat(t.message()).contains("success-rate 0.62 < 0.95 (failureLimit 0)");
        });
    assertThat(p.events()).filteredOn(t -> t.reason().equals("RolloutAborted")).singleElement()
        .satisfies(t -> assertThat(t.message()).contains("success-rate 0.62 < 0.95"));
  }

  @Test
  void aStatusWriteThatWasLostIsAnnouncedAgainNotTwiceWhenItWasWritten() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.step();
    w.podsReady();
    Plan lost = w.plan(); // its status write fails: nothing applied, nothing announced
    assertThat(lost.events()).extracting("reason").contains("StepCompleted", "RolloutPaused");
    Plan retried = w.step();
    assertThat(retried.events()).isEqualTo(lost.events());
    assertThat(w.step().events()).isEmpty();
  }
}
