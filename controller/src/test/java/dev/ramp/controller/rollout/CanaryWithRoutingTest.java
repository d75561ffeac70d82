package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.CANARY_SERVICE;
import static dev.ramp.controller.rollout.World.STABLE_SERVICE;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import org.junit.jupiter.api.Test;

class CanaryWithRoutingTest {

  @Test
  void firstDeploySkipsTheStepsAndBecomesStableOnceAvailable() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50))));
    Plan first = w.step();
    assertThat(first.actions()).containsExactly(
        new Action.CreateReplicaSet(World.rsName("web:1"), hash("web:1"), 1, 10));
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    assertThat(w.statusNow().stableRS()).isEmpty();

    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.statusNow().stableRS()).contains(hash("web:1"));
    assertThat(w.statusNow().currentStepIndex()).contains(3);
    assertThat(w.selector(STABLE_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(w.eventReasons()).contains("RolloutCompleted");
  }

  @Test
  void setWeightScalesTheCanaryFirstAndMovesTrafficOnlyOnceItsPodsAreAvailable() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50)))).healthy();
    w.image("web:2");
    Plan p = w.step();
    assertThat(p.actions()).containsExactly(
        new Action.CreateReplicaSet(World.rsName("web:2"), hash("web:2"), 2, 2));
    assertThat(w.weight()).contains(0);

    w.podsReady();
    p = w.step();
    assertThat(p.actions()).containsExactly(
        new Action.PinSelectors(java.util.Map.of(CANARY_SERVICE, hash("web:2"))),
        new Action.SetCanaryWeight(20));
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.eventReasons()).containsSubsequence("StepCompleted", "RolloutPaused");
  }
}
