package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.hash;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.ScaleDown;
import dev.ramp.api.rollout.WorkloadRef;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadRefTest {

  private static World referencing(ScaleDown scaleDown) {
    World w = World.canary(istio(steps(weight(20))));
    w.spec(s -> new RolloutSpec(s.replicas(), Optional.empty(), Optional.empty(),
        Optional.of(new WorkloadRef("apps/v1", "Deployment", "web-deploy", scaleDown)), 0, null, false, null, false,
        Optional.empty(), Optional.empty(), s.strategy()));
    return w;
  }

  @Test
  void theTemplateAndSelectorComeFromTheDeployment() {
    World w = referencing(ScaleDown.ON_SUCCESS).workload("web-deploy", 10, "web:7");
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.CreateReplicaSet(World.rsName("web:7"), hash("web:7"), 1, 10));
    assertThat(w.statusNow().selector()).contains("app=web");
  }

  @Test
  void theDeploymentIsScaledToZeroOnceTheStableReplicaSetIsFullyAvailable() {
    World w = referencing(ScaleDown.ON_SUCCESS).workload("web-deploy", 10, "web:7");
    assertThat(w.step().actions()).noneMatch(a -> a instanceof Action.ScaleWorkload);
    w.podsReady();
    Plan p = w.step();
    assertThat(p.actions()).contains(new Action.ScaleWorkload(0));
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(w.workloadNow().orElseThrow().replicas()).isZero();
  }

  @Test
  void scaleDownNeverLeavesTheDeploymentAlone() {
    World w = referencing(ScaleDown.NEVER).workload("web-deploy", 10, "web:7");
    w.settle();
    assertThat(w.actionLog).noneMatch(a -> a instanceof Action.ScaleWorkload);
  }

  @Test
  void progressivelyScalesTheDeploymentDownAsTheRolloutsPodsBecomeAvailable() {
    World w = referencing(ScaleDown.PROGRESSIVELY).workload("web-deploy", 10, "web:7");
    w.step();
    w.podsReady();
    w.rs("web:7").available = 4;
    w.withoutIdempotenceCheck();
    assertThat(w.step().actions()).contains(new Action.ScaleWorkload(6));
  }

  @Test
  void aMissingDeploymentIsNamedInTheInvalidSpecCondition() {
    World w = referencing(ScaleDown.ON_SUCCESS);
    assertThat(w.step().actions()).isEmpty();
    assertThat(w.statusNow().condition(RolloutCondition.INVALID_SPEC).orElseThrow().message().orElseThrow())
        .contains("Deployment web-deploy named by spec.workloadRef not found");
  }
}
