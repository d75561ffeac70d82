package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.ConditionStatus;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static RolloutCondition condition(World w, String type) {
    return w.statusNow().condition(type).orElseThrow(() -> new AssertionError("no condition " + type));
  }

  private static OffsetDateTime at(World w) {
    return w.now().atOffset(ZoneOffset.UTC);
  }

  @Test
  void phasesFollowTheRolloutFromProgressingThroughPausedToHealthy() {
    World w = World.canary(istio(steps(weight(20), pause())));
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
    assertThat(condition(w, RolloutCondition.HEALTHY).isTrue()).isTrue();
    assertThat(condition(w, RolloutCondition.COMPLETED).isTrue()).isTrue();
    assertThat(condition(w, RolloutCondition.AVAILABLE).isTrue()).isTrue();
    w.image("web:2");
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    assertThat(condition(w, RolloutCondition.COMPLETED).isTrue()).isFalse();
    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(condition(w, RolloutCondition.PROGRESSING).status()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(condition(w, RolloutCondition.PAUSED).isTrue()).isTrue();
  }

  @Test
  void lastTransitionTimeMovesOnlyWhenTheStatusChangesAndLastUpdateTimeWhenProgressIsMade() {
    World w = World.canary(istio(steps(weight(20), weight(40), pause()))).healthy();
    w.advance(Duration.ofMinutes(1));
    w.image("web:2");
    w.step();
    RolloutCondition started = condition(w, RolloutCondition.PROGRESSING);
    assertThat(started.lastTransitionTime()).contains(World.T0.atOffset(ZoneOffset.UTC));
    assertThat(started.lastUpdateTime()).contains(at(w));

    w.advance(Duration.ofMinutes(1));
    w.step(); // nothing happened
    assertThat(condition(w, RolloutCondition.PROGRESSING).lastUpdateTime()).contains(started.lastUpdateTime().get());

    w.advance(Duration.ofMinutes(1));
    w.podsReady();
    w.step(); // step 1 done
    RolloutCondition progressed = condition(w, RolloutCondition.PROGRESSING);
    assertThat(progressed.lastUpdateTime()).contains(at(w));
    assertThat(progressed.lastTransitionTime()).isEqualTo(started.lastTransitionTime());
  }

  @Test
  void aCanaryThatNeverBecomesReadyTurnsDegradedAtTheProgressDeadlineAndNeverReceivesTraffic() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    Plan started = w.step();
    w.podsNotReady("web:2");
    assertThat(w.step().requeueAfter()).as("woken at the deadline, no polling").contains(Duration.ofSeconds(600));
    w.advance(Duration.ofSeconds(599));
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PROGRESSING);
    w.advance(Duration.ofSeconds(1));
    Plan exceeded = w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    RolloutCondition progressing = condition(w, RolloutCondition.PROGRESSING);
    assertThat(progressing.reason()).contains("ProgressDeadlineExceeded");
    assertThat(progressing.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(progressing.message().orElseThrow()).contains(World.rsName("web:2")).contains("0 of 2 pods available");
    assertThat(exceeded.events()).extracting("reason").containsExactly("ProgressDeadlineExceeded");
    assertThat(exceeded.actions()).isEmpty();
    w.advance(Duration.ofHours(1));
    w.step();
    assertThat(w.weight()).contains(0);
    assertThat(w.rs("web:1").desired).isEqualTo(10);
    assertThat(w.eventReasons().stream().filter("ProgressDeadlineExceeded"::equals)).hasSize(1);
    assertThat(started.actions()).isNotEmpty();
  }

  @Test
  void progressAfterTheDeadlineMakesTheRolloutProgressingAgain() {
    World w = World.canary(istio(steps(weight(20), pause()))).healthy();
    w.image("web:2");
    w.step();
    w.podsNotReady("web:2");
    w.step(); // pods created: progress, the deadline counts from here
    w.advance(Duration.ofMinutes(11));
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    w.podsReady();
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    assertThat(w.weight()).contains(20);
  }

  @Test
  void theProgressDeadlineDoesNotRunWhilePaused() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(40)))).healthy();
    w.image("web:2");
    w.settle();
    w.advance(Duration.ofHours(5));
    w.step();
    assertThat(w.phase()).isEqualTo(RolloutPhase.PAUSED);
    w.promote();
    w.step();
    w.podsNotReady("web:2");
    w.advance(Duration.ofSeconds(1));
    w.step();
    assertThat(w.phase()).as("the clock starts again at the resume").isEqualTo(RolloutPhase.PROGRESSING);
  }

  @Test
  void progressDeadlineAbortAbortsTheUpdate() {
    World w = World.canary(istio(steps(weight(20), pause()))).progressDeadline(60, true).healthy();
    w.image("web:2");
    w.step();
    w.podsNotReady("web:2");
    w.step();
    w.advance(Duration.ofSeconds(60));
    Plan p = w.step();
    assertThat(w.statusNow().abort()).isTrue();
    assertThat(w.statusNow().message().orElseThrow()).contains("made no progress for 1m");
    assertThat(p.events()).extracting("reason").contains("RolloutAborted");
    assertThat(w.rs("web:2").scaleDownAt).isPresent();
  }

  @Test
  void problemsTurnTheRolloutDegradedWithInvalidSpecAndNothingIsWritten() {
    World w = World.canary(istio(steps(weight(20), pause(), weight(60)))).healthy();
    w.image("web:2");
    w.settle();
    w.trafficProblem("VirtualService default/web-vs not found");
    w.problem("AnalysisTemplate default/success-rate not found");
    Plan p = w.step();
    assertThat(p.actions()).isEmpty();
    assertThat(w.phase()).isEqualTo(RolloutPhase.DEGRADED);
    RolloutCondition invalid = condition(w, RolloutCondition.INVALID_SPEC);
    assertThat(invalid.message().orElseThrow()).contains("AnalysisTemplate default/success-rate not found")
        .contains("VirtualService default/web-vs not found");
    assertThat(p.events()).extracting("reason").containsExactly("InvalidSpec");
    w.advance(Duration.ofMinutes(5));
    w.promote();
    assertThat(w.step().actions()).isEmpty();
    assertThat(w.weight()).contains(20);

    w.clearProblems();
    w.settle();
    assertThat(w.statusNow().condition(RolloutCondition.INVALID_SPEC)).isEmpty();
    assertThat(w.weightHistory).containsSubsequence(60, 0);
    assertThat(w.phase()).isEqualTo(RolloutPhase.HEALTHY);
  }

  @Test
  void aSpecThePlannerCannotWorkWithIsNamedField() {
    World w = World.canary(istio(steps(weight(120), World.pause("soon"))));
    w.step();
    String message = condition(w, RolloutCondition.INVALID_SPEC).message().orElseThrow();
    assertThat(message).contains("spec.strategy.canary.steps[0].setWeight must be between 0 and 100, got 120")
        .contains("spec.strategy.canary.steps[1].pause.duration");
    assertThat(w.replicaSets()).isEmpty();
  }

  @Test
  void aRolloutWithoutTemplateOrWorkloadIsInvalid() {
    World w = World.canary(istio(steps(weight(20))));
    w.spec(s -> new dev.ramp.api.rollout.RolloutSpec(s.replicas(), s.selector(), java.util.Optional.empty(),
        s.workloadRef(), 0, null, false, null, false, java.util.Optional.empty(), java.util.Optional.empty(),
        s.strategy()));
    assertThat(w.step().actions()).isEmpty();
    assertThat(condition(w, RolloutCondition.INVALID_SPEC).message().orElseThrow()).contains("spec.template");
  }

  @Test
  void aRolloutWithoutSpecIsInvalidNotACrash() {
    dev.ramp.api.rollout.Rollout bare = new dev.ramp.api.rollout.Rollout(
        new io.kubernetes.client.openapi.models.V1ObjectMeta().name("bare").generation(1L), null);
    dev.ramp.controller.plan.Observation o = new dev.ramp.controller.plan.Observation(bare, java.util.List.of(),
        dev.ramp.controller.plan.ObservedTraffic.NONE, java.util.List.of(), java.util.Optional.empty(),
        java.util.List.of(), World.T0);
    Plan p = new RolloutPlanner().plan(o);
    assertThat(p.actions()).isEmpty();
    assertThat(p.status().phase()).contains(RolloutPhase.DEGRADED);
    assertThat(p.events()).extracting("reason").containsExactly("InvalidSpec");
  }

  @Test
  void theAvailableConditionCountsAgainstMaxUnavailable() {
    World w = World.canary(istio(steps(weight(20)))).healthy();
    w.rs("web:1").available = 7;
    w.step();
    RolloutCondition available = condition(w, RolloutCondition.AVAILABLE);
    assertThat(available.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(available.message()).contains("7 of 10 pods available, at least 8 needed");
    assertThat(w.plan().actions()).doesNotContain(new Action.ScaleReplicaSet(World.rsName("web:1"), 0));
  }
}
