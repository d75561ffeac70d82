package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.CANARY_SERVICE;
import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.rsName;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevisionsTest {

  @Test
  void eachNewRevisionGetsAReplicaSetNamedByItsHashAndTheNextRevisionNumber() {
    World w = World.canary(istio(steps(weight(20)))).healthy();
    w.image("web:2");
    w.settle();
    w.image("web:3");
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.CreateReplicaSet(rsName("web:3"), hash("web:3"), 3, 2));
  }

  @Test
  void theStatusKeepsWhatARestartedControllerNeeds() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.settle();
    RolloutStatus s = w.statusNow();
    assertThat(s.currentPodHash()).contains(hash("web:2"));
    assertThat(s.stableRS()).contains(hash("web:1"));
    assertThat(s.currentStepIndex()).contains(1);
    assertThat(s.currentStepHash()).isPresent();
    assertThat(s.observedGeneration()).contains(2L);
    assertThat(s.replicas()).isEqualTo(12);
    assertThat(s.updatedReplicas()).isEqualTo(2);
    assertThat(s.readyReplicas()).isEqualTo(12);
    assertThat(s.availableReplicas()).isEqualTo(12);
    assertThat(s.selector()).contains("app=web");
    assertThat(s.canary().weights().orElseThrow().canary().weight()).isEqualTo(20);
  }

  @Test
  void aTemplateChangedBackToTheStableRevisionSkipsTheStepsAndSendsTrafficBack() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    w.abort();
    w.settle();
    w.image("web:1");
    Plan p = w.step();
    assertThat(w.statusNow().abort()).isFalse();
    assertThat(w.statusNow().currentStepIndex()).contains(4);
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.selector(CANARY_SERVICE)).isEqualTo(hash("web:1"));
    assertThat(p.events()).extracting("reason").contains("RolloutUpdated");
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.rs("web:2").desired).isZero();
  }

  @Test
  void rollingBackToStableInTheMiddleMovesTheWeightOffTheCanaryBeforeItScales() {
    World w = World.canary(istio(steps(weight(40), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.image("web:1");
    Plan p = w.step();
    assertThat(p.actions().get(0)).isEqualTo(new Action.SetCanaryWeight(0));
    assertThat(p.actions()).noneMatch(a -> a instanceof Action.ScaleReplicaSet);
    assertThat(w.rs("web:2").scaleDownAt).isPresent();
  }

  @Test
  void changedStepsStartAgainFromTheFirst() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(50), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    assertThat(w.statusNow().currentStepIndex()).contains(3);
    w.strategy(istio(steps(weight(10), pause(), weight(30), pause())));
    Plan p = w.step();
    assertThat(p.actions()).containsSubsequence(new Action.SetCanaryWeight(10),
        new Action.ScaleReplicaSet(rsName("web:2"), 1));
    assertThat(w.statusNow().currentStepIndex()).as("first new step done at once: paused at the second")
        .contains(1);
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
  }

  @Test
  void oldReplicaSetsBeyondTheHistoryLimitAreDeletedOldestFirst() {
    World w = World.canary(istio(World.withDelays(steps(weight(50)), 0, null))).revisionHistoryLimit(2).healthy();
    for (int v = 2; v <= 5; v++) {
      w.image("web:" + v);
      w.settle();
      assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    }
    assertThat(w.replicaSets().keySet()).containsExactlyInAnyOrder(rsName("web:5"), rsName("web:4"),
        rsName("web:3"));
    assertThat(w.actionLog).containsSubsequence(new Action.DeleteReplicaSet(rsName("web:1")),
        new Action.DeleteReplicaSet(rsName("web:2")));
  }

  @Test
  void aReplicaSetStillRunningIsNeverDeletedForHistory() {
    World w = World.canary(istio(steps(weight(50)))).revisionHistoryLimit(0).healthy();
    w.image("web:2");
    w.settle();
    assertThat(w.rs("web:1").desired).as("waiting for its scale-down delay").isEqualTo(10);
    w.advance(Duration.ofSeconds(30));
    w.settle();
    assertThat(w.hasRs("web:1")).isFalse();
  }

  @Test
  void aRevisionRolledBackToHasItsOldScaleDownDeadlineCleared() {
    World w = World.canary(istio(steps(weight(50), pause()))).healthy();
    w.image("web:2");
    w.settle();
    w.promote();
    w.settle();
    assertThat(w.rs("web:1").scaleDownAt).isPresent();
    w.image("web:1"); // roll back before the old stable has gone
    w.step();
    assertThat(w.rs("web:1").scaleDownAt).isEmpty();
    w.advance(Duration.ofMinutes(5));
    w.settle();
    assertThat(w.rs("web:1").desired).as("the canary of the rollback, at its first step").isEqualTo(5);
    assertThat(w.weight()).contains(50);
  }
}
