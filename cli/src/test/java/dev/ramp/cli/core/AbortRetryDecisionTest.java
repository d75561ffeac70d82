package dev.ramp.cli.core;

import static dev.ramp.cli.core.Snapshots.ABORTED;
import static dev.ramp.cli.core.Snapshots.HEALTHY;
import static dev.ramp.cli.core.Snapshots.PAUSED_AT_STEP_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import org.junit.jupiter.api.Test;

class AbortRetryDecisionTest {

  @Test
  void abortWritesStatusAbortAndWaitsForAbortedAt() {
    RolloutSnapshot paused = Snapshots.canary(PAUSED_AT_STEP_2);

    Write write = (Write) AbortDecision.decide(paused);

    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"abort\":true}}");
    assertThat(write.specPatch()).isEmpty();
    Rollout requested = Snapshots.withStatus(paused, PAUSED_AT_STEP_2.replace("\"controllerPause\":true",
        "\"controllerPause\":true,\"abort\":true"));
    assertThat(write.acknowledgement().isMet(requested, requested)).isFalse();
    assertThat(write.acknowledgement().isMet(requested, Snapshots.withStatus(paused, ABORTED))).isTrue();
  }

  @Test
  void abortOnAHealthyRolloutIsRefused() {
    assertThat(AbortDecision.decide(Snapshots.canary(HEALTHY))).isEqualTo(new Refused(
        "nothing to abort: rollout web has no update in progress (Healthy on revision 2)"));
  }

  @Test
  void abortingTwiceIsNotAnError() {
    assertThat(AbortDecision.decide(Snapshots.canary(ABORTED))).isInstanceOf(AlreadyDone.class);
  }

  @Test
  void anAbortTheControllerHasNotCarriedOutYetIsOnlyAwaited() {
    Write write = (Write) AbortDecision.decide(Snapshots.canary(PAUSED_AT_STEP_2
        .replace("\"controllerPause\":true", "\"controllerPause\":true,\"abort\":true")));

    assertThat(write.writesNothing()).isTrue();
  }

  @Test
  void theAbortReportNamesTheStableRevision() {
    RolloutSnapshot paused = Snapshots.canary(PAUSED_AT_STEP_2);

    assertThat(AbortDecision.report(paused, Snapshots.withStatus(paused, ABORTED)))
        .isEqualTo("aborted rollout web: traffic back on stable (revision 2)");
    assertThat(AbortDecision.report(paused, Snapshots.withStatus(paused, PAUSED_AT_STEP_2)))
        .isEqualTo("aborted rollout web: moving traffic back to stable (revision 2), canary still at 20%");
  }

  @Test
  void retryLiftsTheAbort() {
    RolloutSnapshot aborted = Snapshots.canary(ABORTED);

    Write write = (Write) RetryDecision.decide(aborted);

    assertThat(write.statusPatch().orElseThrow().toString()).isEqualTo("{\"status\":{\"abort\":false}}");
    Rollout written = Snapshots.withStatus(aborted, ABORTED.replace("\"abort\":true", "\"abort\":false"));
    assertThat(write.acknowledgement().isMet(written, written)).isFalse();
    Rollout progressing = Snapshots.withStatus(aborted, ABORTED.replace("\"abort\":true", "\"abort\":false")
        .replace("Degraded", "Progressing").replace(",\"abortedAt\":\"2026-03-01T10:05:00Z\"", ""));
    assertThat(write.acknowledgement().isMet(written, progressing)).isTrue();
    assertThat(RetryDecision.report(aborted, progressing))
        .isEqualTo("retrying rollout web: revision 3 starts its steps again, now at step 1/6");
  }

  @Test
  void retryWhenNotAbortedIsRefused() {
    assertThat(RetryDecision.decide(Snapshots.canary(PAUSED_AT_STEP_2))).isEqualTo(new Refused(
        "rollout web is not aborted: nothing to retry (Paused on revision 3)"));
  }
}
