package dev.ramp.cli.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.cli.ExitCode;
import org.junit.jupiter.api.Test;

class StatusVerdictTest {

  @Test
  void healthyOnceTheControllerHasSeenTheLatestSpec() {
    assertThat(StatusVerdict.of(Snapshots.canary(Snapshots.HEALTHY).rollout())).isEqualTo(StatusVerdict.HEALTHY);
    assertThat(StatusVerdict.HEALTHY.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void anOldHealthyRightAfterASpecChangeIsNoAnswerYet() {
    var applied = Snapshots.snapshot(Snapshots.CANARY_SPEC, Snapshots.HEALTHY, 5).rollout();

    assertThat(StatusVerdict.of(applied)).isEqualTo(StatusVerdict.IN_PROGRESS);
  }

  @Test
  void degradedAndAbortedFail() {
    assertThat(StatusVerdict.of(Snapshots.canary(Snapshots.ABORTED).rollout())).isEqualTo(StatusVerdict.FAILED);
    assertThat(StatusVerdict.of(Snapshots.canary("{\"phase\":\"Degraded\",\"observedGeneration\":4}").rollout()))
        .isEqualTo(StatusVerdict.FAILED);
    assertThat(StatusVerdict.FAILED.exitCode().code()).isNotZero();
  }

  @Test
  void pausedAndProgressingAreStillUnderWay() {
    assertThat(StatusVerdict.of(Snapshots.canary(Snapshots.PAUSED_AT_STEP_2).rollout()))
        .isEqualTo(StatusVerdict.IN_PROGRESS);
    assertThat(StatusVerdict.of(Snapshots.canary(Snapshots.ANALYSING_AT_STEP_3).rollout()))
        .isEqualTo(StatusVerdict.IN_PROGRESS);
  }
}
