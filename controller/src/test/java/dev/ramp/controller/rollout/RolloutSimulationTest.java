package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.ACTIVE_SERVICE;
import static dev.ramp.controller.rollout.World.CANARY_SERVICE;
import static dev.ramp.controller.rollout.World.PREVIEW_SERVICE;
import static dev.ramp.controller.rollout.World.STABLE_SERVICE;
import static dev.ramp.controller.rollout.World.analysisStep;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole rollouts driven through an in-memory world: each plan's effects are fed back into the next
 * observation, pods come up between reconciles, people promote and abort, the clock moves only as far
 * as a plan asks to be woken. Every state passed through is also checked for idempotence.
 */
class RolloutSimulationTest {

  @Test
  void canaryWithTrafficRoutingGoesThroughEveryStepToHealthy() {
    World w = World.canary(istio(steps(weight(20), pause("30s"), weight(50), pause(), analysisStep("success-rate"),
        weight(80)))).healthy();
    w.image("web:2");

    w.settle();
    assertThat(w.weight()).contains(20);
    assertThat(w.rs("web:2").desired).isEqualTo(2);
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.plan().requeueAfter()).contains(Duration.ofSeconds(30));

    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.weight()).contains(50);
    assertThat(w.rs("web:2").desired).isEqualTo(5);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.plan().requeueAfter()).isEmpty();

    w.promote();
    w.settle();
    String run = w.runOf("step-4");
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    w.runPhase(run, AnalysisPhase.SUCCESSFUL, "all metrics passed");
    w.settle();

    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().stableRS()).contains(hash("web:2"));
    assertThat(w.selector(STABLE_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.weightHistory).containsExactly(20, 50, 80, 0);
    assertThat(w.rs("web:1").desired).as("old stable still up during scaleDownDelaySeconds").isEqualTo(10);
    assertThat(w.rs("web:1").scaleDownAt).isPresent();

    Plan waiting = w.plan();
    assertThat(waiting.requeueAfter()).isPresent();
    w.advance(waiting.requeueAfter().get());
    w.settle();
    assertThat(w.rs("web:1").desired).isZero();
    assertThat(w.eventReasons()).containsSubsequence("RolloutUpdated", "StepCompleted", "RolloutPaused",
        "RolloutResumed", "StepCompleted", "StepCompleted", "RolloutPaused", "RolloutResumed", "StepCompleted",
        "AnalysisRunStarted", "AnalysisRunSuccessful", "StepCompleted", "StepCompleted", "RolloutPromoted",
        "RolloutCompleted");
    assertThat(w.eventReasons().stream().filter("StepCompleted"::equals)).hasSize(6);
    assertThat(w.events).filteredOn(e -> e.reason().equals("RolloutCompleted")).singleElement()
        .satisfies(e -> assertThat(e.message()).as("counts the new revision's pods, not the old ones too")
            .endsWith("all its 10 pods are available"));
  }

  @Test
  void canaryByReplicaRatioMovesPodsWithinSurgeAndUnavailabilityToHealthy() {
    World w = World.canary(steps(weight(25), pause(), weight(50), pause("1m"))).healthy();
    w.image("web:2");
    int maxTotal = 10 + 3; // maxSurge 25% of 10, rounded up
    int minAvailable = 10 - 2; // maxUnavailable 25% of 10, rounded down
    w.step();
    for (int i = 0; i < 100 && w.phase() != RolloutPhase.HEALTHY; i++) {
      w.step();
      int total = w.replicaSets().values().stream().mapToInt(rs -> rs.desired).sum();
      int available = w.replicaSets().values().stream().mapToInt(rs -> rs.available).sum();
      assertThat(total).as("pods asked for").isLessThanOrEqualTo(maxTotal);
      assertThat(available).as("pods available").isGreaterThanOrEqualTo(minAvailable);
      w.podsReady();
      if (w.phase() == RolloutPhase.PAUSED) {
        if (w.plan().requeueAfter().isPresent()) {
          w.advance(w.plan().requeueAfter().get());
        } else {
          if (w.statusNow().currentStepIndex().orElse(0) == 1) {
            assertThat(w.rs("web:2").desired).isEqualTo(3);
            assertThat(w.rs("web:1").desired).isEqualTo(8);
          }
          w.promote();
        }
      }
    }
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.rs("web:2").desired).isEqualTo(10);
    assertThat(w.rs("web:1").desired).isZero();
    assertThat(w.weight()).as("no traffic router, no weight written").isEmpty();
  }

  @Test
  void blueGreenPreviewThenSwitchThenOldScaledDownAfterDelay() {
    World w = World.blueGreen(World.blueGreenStrategy(false, 0, 3, "smoke", null)).healthy();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    w.image("web:2");

    w.settle();
    assertThat(w.rs("web:2").desired).isEqualTo(3);
    assertThat(w.selector(PREVIEW_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));
    String smoke = w.runOf("pre-promotion");
    w.runPhase(smoke, AnalysisPhase.SUCCESSFUL, null);
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:1"));

    w.promote();
    w.step();
    assertThat(w.rs("web:2").desired).isEqualTo(10);
    assertThat(w.selector(ACTIVE_SERVICE)).as("not switched before the new pods are all available")
        .isEqualTo(hash("web:1"));
    w.podsReady();
    w.settle();
    assertThat(w.selector(ACTIVE_SERVICE)).isEqualTo(hash("web:2"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:1").desired).isZero();
    assertThat(w.eventReasons()).containsSubsequence("RolloutUpdated", "AnalysisRunStarted",
        "AnalysisRunSuccessful", "RolloutPaused", "RolloutResumed", "RolloutPromoted", "RolloutCompleted");
  }

  @Test
  void abortInTheMiddleMovesTrafficBackThenScalesTheCanaryDownAfterTheDelay() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    assertThat(w.weight()).contains(50);
    w.actionLog.clear();

    w.abort();
    w.settle();
    assertThat(w.actionLog.get(0)).isEqualTo(new Action.SetCanaryWeight(0));
    assertThat(w.weight()).contains(0);
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    assertThat(w.rs("web:2").desired).as("canary kept for abortScaleDownDelaySeconds").isEqualTo(5);
    assertThat(w.rs("web:1").desired).isEqualTo(10);

    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:2").desired).isZero();
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    assertThat(w.eventReasons().stream().filter("RolloutAborted"::equals)).hasSize(1);
  }

  @Test
  void templateChangeInTheMiddleRestartsTheStepsForTheNewestRevision() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    assertThat(w.weight()).contains(50);
    w.actionLog.clear();

    w.image("web:3");
    Plan p = w.step();
    assertThat(p.actions().get(0)).as("traffic leaves the intermediate revision first")
        .isEqualTo(new Action.SetCanaryWeight(0));
    assertThat(w.statusNow().currentStepIndex()).contains(0);
    w.podsReady();
    w.settle();
    assertThat(w.weight()).contains(20);
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:3"));
    assertThat(w.rs("web:3").desired).isEqualTo(2);
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:2").desired).as("intermediate revision scaled away after its delay").isZero();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);

    w.promote();
    w.settle();
    w.promote();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().stableRS()).contains(hash("web:3"));
  }

  @Test
  void templateChangeInTheMiddleOfARatioCanaryRetiresTheIntermediateRevisionWithinTheLimits() {
    World w = World.canary(steps(weight(50), pause(), weight(80))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.rs("web:2").desired).isEqualTo(5);
    w.image("web:3");
    for (int i = 0; i < 40 && (i == 0 || w.phase() != RolloutPhase.PAUSED); i++) {
      w.step();
      int available = w.replicaSets().values().stream().mapToInt(rs -> rs.available).sum();
      int asked = w.replicaSets().values().stream().mapToInt(rs -> rs.desired).sum();
      assertThat(available).isGreaterThanOrEqualTo(8);
      assertThat(asked).isLessThanOrEqualTo(13);
      w.podsReady();
    }
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.rs("web:2").desired).isZero();
    assertThat(w.rs("web:3").desired).isEqualTo(5);
    assertThat(w.rs("web:1").desired).isEqualTo(5);
    w.promote();
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().stableRS()).contains(hash("web:3"));
  }

  @Test
  void aRestartInTheMiddleOfATimedPauseNeitherRestartsThePauseNorRepeatsAStep() {
    World w = World.canary(istio(steps(weight(20), pause("10m"), weight(50)))).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    int writesBefore = w.actionLog.size();

    // the controller dies; a new one (a new planner, nothing in memory) starts 4 minutes later
    w.advance(Duration.ofMinutes(4));
    Plan afterRestart = new RolloutPlanner().plan(w.observe());
    assertThat(afterRestart.actions()).isEmpty();
    assertThat(afterRestart.requeueAfter()).contains(Duration.ofMinutes(6));
    assertThat(afterRestart.status()).isEqualTo(w.statusNow());
    w.apply(afterRestart);

    w.advance(Duration.ofMinutes(6));
    w.settle();
    assertThat(w.weightHistory).containsExactly(20, 50, 0);
    assertThat(w.actionLog.subList(writesBefore, w.actionLog.size()))
        .doesNotContain(new Action.SetCanaryWeight(20));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void everyReconcileOfARoutedCanaryWritesAtMostOneTrafficChangeAndNothingWhenTheWorldMatches() {
    World w = World.canary(istio(steps(weight(10), weight(20), weight(40), weight(60), weight(80)))).healthy();
    w.image("web:2");
    List<Plan> plans = w.settle();
    for (Plan plan : plans) {
      assertThat(plan.actions().stream().filter(a -> a instanceof Action.SetCanaryWeight).count())
          .isLessThanOrEqualTo(1);
    }
    assertThat(plans.get(plans.size() - 1).actions()).isEmpty();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.weightHistory).containsExactly(10, 20, 40, 60, 80, 0);
  }
}
