package dev.ramp.cli.core;

import static dev.ramp.cli.core.Snapshots.ABORTED;
import static dev.ramp.cli.core.Snapshots.ANALYSING_AT_STEP_3;
import static dev.ramp.cli.core.Snapshots.HEALTHY;
import static dev.ramp.cli.core.Snapshots.PAUSED_AT_STEP_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import org.junit.jupiter.api.Test;

class PromoteDecisionTest {

  @Test
  void aRolloutPausedAtAPauseStepHasItsPauseConditionsCleared() {
    RolloutSnapshot paused = Snapshots.canary(PAUSED_AT_STEP_2);

    Write write = (Write) PromoteDecision.decide(paused, false);

    assertThat(write.specPatch()).isEmpty();
    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"pauseConditions\":null}}");
  }

  @Test
  void aPersonsPauseIsLiftedTooWhenPromoting() {
    RolloutSnapshot paused = Snapshots.snapshot(Snapshots.CANARY_SPEC.replace("\"replicas\":4",
        "\"replicas\":4,\"paused\":true"), PAUSED_AT_STEP_2, 4);

    Write write = (Write) PromoteDecision.decide(paused, false);

    assertThat(write.specPatch().orElseThrow().toString()).isEqualTo("{\"spec\":{\"paused\":false}}");
    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"pauseConditions\":null}}");
  }

  @Test
  void theControllerAcknowledgesAPromotionFromAPauseByMovingToTheNextStep() {
    RolloutSnapshot paused = Snapshots.canary(PAUSED_AT_STEP_2);
    Write write = (Write) PromoteDecision.decide(paused, false);
    Rollout written = Snapshots.withStatus(paused, PAUSED_AT_STEP_2.replace(
        "\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2026-03-01T10:00:00Z\"}],", ""));

    assertThat(write.acknowledgement().isMet(written, written)).isFalse();
    assertThat(write.acknowledgement().isMet(written, Snapshots.withStatus(paused, ANALYSING_AT_STEP_3))).isTrue();
  }

  @Test
  void aCanaryWaitingOnAnAnalysisStepSkipsIt() {
    RolloutSnapshot analysing = Snapshots.canary(ANALYSING_AT_STEP_3);

    Write write = (Write) PromoteDecision.decide(analysing, false);

    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"currentStepIndex\":3}}");
    assertThat(write.acknowledgement()).isEqualTo(new Acknowledgement.StatusChanged());
  }

  @Test
  void anAbortedRolloutIsNotPromotedAndTheUserLearnsAboutRetry() {
    Decision decision = PromoteDecision.decide(Snapshots.canary(ABORTED), false);

    assertThat(decision).isInstanceOf(Refused.class);
    assertThat(((Refused) decision).reason())
        .isEqualTo("rollout web is aborted: there is nothing to promote. `kubectl ramp retry web` starts the update again");
  }

  @Test
  void aHealthyRolloutHasNothingToPromote() {
    Decision decision = PromoteDecision.decide(Snapshots.canary(HEALTHY), false);

    assertThat(((Refused) decision).reason())
        .isEqualTo("nothing to promote: rollout web has no update in progress (Healthy on revision 2)");
  }

  @Test
  void aRolloutTheControllerHasNotSeenCannotBePromoted() {
    Decision decision = PromoteDecision.decide(Snapshots.canary("{}"), false);

    assertThat(((Refused) decision).reason()).startsWith("rollout web has no status yet");
  }

  @Test
  void aCanaryPastItsLastStepPointsToFull() {
    Decision decision = PromoteDecision.decide(Snapshots.canary(ANALYSING_AT_STEP_3
        .replace("\"currentStepIndex\":2", "\"currentStepIndex\":6")), false);

    assertThat(((Refused) decision).reason()).contains("has done all its steps (6/6)").contains("promote --full web");
  }

  @Test
  void fullPromotionSetsPromoteFullAndIsIdempotent() {
    Write write = (Write) PromoteDecision.decide(Snapshots.canary(PAUSED_AT_STEP_2), true);
    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"promoteFull\":true}}");

    Decision again = PromoteDecision.decide(Snapshots.canary(PAUSED_AT_STEP_2
        .replace("\"controllerPause\":true", "\"controllerPause\":true,\"promoteFull\":true")), true);
    assertThat(again).isEqualTo(new AlreadyDone("rollout web is already being promoted fully"));
  }

  @Test
  void aPausedBlueGreenIsPromotedAndAcknowledgedWhenTheActiveServiceSwitches() {
    String paused = """
        {"phase":"Paused","observedGeneration":4,"currentPodHash":"hash3","stableRS":"hash2","controllerPause":true,
         "pauseConditions":[{"reason":"BlueGreenPause","startTime":"2026-03-01T10:00:00Z"}],
         "blueGreen":{"activeSelector":"hash2","previewSelector":"hash3"}}""";
    RolloutSnapshot snapshot = Snapshots.blueGreen(paused);

    Write write = (Write) PromoteDecision.decide(snapshot, false);

    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"pauseConditions\":null}}");
    Rollout switched = Snapshots.withStatus(snapshot, paused.replace("\"activeSelector\":\"hash2\"",
        "\"activeSelector\":\"hash3\""));
    assertThat(write.acknowledgement().isMet(snapshot.rollout(), switched)).isTrue();
    assertThat(PromoteDecision.report(snapshot, switched, false)).isEqualTo("promoted rollout web: revision 3 is active");
  }

  @Test
  void aBlueGreenThatIsNotPausedIsNotPromotedButFullIsSuggested() {
    String previewing = """
        {"phase":"Progressing","observedGeneration":4,"currentPodHash":"hash3","stableRS":"hash2",
         "blueGreen":{"activeSelector":"hash2","previewSelector":"hash3"}}""";

    Decision decision = PromoteDecision.decide(Snapshots.blueGreen(previewing), false);

    assertThat(((Refused) decision).reason()).isEqualTo("nothing to promote: blue-green rollout web is not paused"
        + " (Progressing on revision 3); `kubectl ramp promote --full web` switches the active service to the new"
        + " revision now");
  }

  @Test
  void theReportSaysFromWhichStepToWhich() {
    RolloutSnapshot paused = Snapshots.canary(PAUSED_AT_STEP_2);

    assertThat(PromoteDecision.report(paused, Snapshots.withStatus(paused, ANALYSING_AT_STEP_3), false))
        .isEqualTo("promoted rollout web from step 2/6 to step 3/6 (was paused: CanaryPauseStep)");
  }

  @Test
  void theReportOfTheLastStepSaysTheRevisionBecomesStable() {
    RolloutSnapshot last = Snapshots.canary(ANALYSING_AT_STEP_3.replace("\"currentStepIndex\":2",
        "\"currentStepIndex\":5"));
    Rollout after = Snapshots.withStatus(last, ANALYSING_AT_STEP_3.replace("\"currentStepIndex\":2",
        "\"currentStepIndex\":6"));

    assertThat(PromoteDecision.report(last, after, false))
        .isEqualTo("promoted rollout web from step 6/6 past its last step: revision 3 becomes stable");
  }
}
