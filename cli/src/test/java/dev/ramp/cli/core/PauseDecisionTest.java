package dev.ramp.cli.core;

import static dev.ramp.cli.core.Snapshots.HEALTHY;
import static dev.ramp.cli.core.Snapshots.PAUSED_AT_STEP_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import org.junit.jupiter.api.Test;

class PauseDecisionTest {
  private static final String PAUSED_SPEC = Snapshots.CANARY_SPEC.replace("\"replicas\":4", "\"replicas\":4,\"paused\":true");

  @Test
  void pauseSetsSpecPausedAndWaitsForTheControllerToObserveIt() {
    RolloutSnapshot healthy = Snapshots.canary(HEALTHY);

    Write write = (Write) PauseDecision.pause(healthy);

    assertThat(write.specPatch().orElseThrow().toString()).isEqualTo("{\"spec\":{\"paused\":true}}");
    Rollout written = Snapshots.snapshot(PAUSED_SPEC, HEALTHY, 5).rollout();
    assertThat(write.acknowledgement().isMet(written, written)).isFalse();
    Rollout observed = Snapshots.snapshot(PAUSED_SPEC, HEALTHY.replace("\"observedGeneration\":4",
        "\"observedGeneration\":5"), 5).rollout();
    assertThat(write.acknowledgement().isMet(written, observed)).isTrue();
  }

  @Test
  void pausingAPausedRolloutChangesNothing() {
    assertThat(PauseDecision.pause(Snapshots.snapshot(PAUSED_SPEC, HEALTHY, 4))).isInstanceOf(AlreadyDone.class);
  }

  @Test
  void resumeLiftsAPersonsPause() {
    Write write = (Write) PauseDecision.resume(Snapshots.snapshot(PAUSED_SPEC, PAUSED_AT_STEP_2, 4));

    assertThat(write.specPatch().orElseThrow().toString()).isEqualTo("{\"spec\":{\"paused\":false}}");
  }

  @Test
  void resumeAtAPauseStepPointsToPromote() {
    assertThat(PauseDecision.resume(Snapshots.canary(PAUSED_AT_STEP_2))).isEqualTo(new Refused(
        "rollout web is not paused by a person: it waits at step 2/6 (CanaryPauseStep); `kubectl ramp promote web`"
            + " moves it on"));
  }

  @Test
  void theReportsSayWhereTheRolloutIs() {
    RolloutSnapshot paused = Snapshots.canary(PAUSED_AT_STEP_2);
    assertThat(PauseDecision.pauseReport(paused, paused.rollout()))
        .isEqualTo("paused rollout web at step 2/6, canary at 20%");
    RolloutSnapshot healthy = Snapshots.canary(HEALTHY);
    assertThat(PauseDecision.pauseReport(healthy, healthy.rollout())).isEqualTo(
        "paused rollout web (Healthy on revision 2): a new revision waits until `kubectl ramp resume web`");
  }
}
