package dev.ramp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.cli.core.RolloutSnapshot;
import dev.ramp.cli.core.Snapshots;
import io.kubernetes.client.openapi.JSON;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRendererTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:02:00Z");
  private static final AnalysisRun STEP_RUN = JSON.getGson().fromJson(Frames.STEP_RUN, AnalysisRun.class);

  private static StatusView canary(String status) {
    return new StatusView(Snapshots.canary(status), List.of(STEP_RUN), NOW);
  }

  @Test
  void aCanaryRunningItsAnalysisStep() {
    assertThat(StatusRenderer.render(canary(Snapshots.ANALYSING_AT_STEP_3), Style.plain(100))).isEqualTo("""
        Rollout:    web  (namespace shop)
        Status:     [>] Progressing
        Strategy:   Canary (replica ratio)
        Revision:   3  (stable: 2)
        Images:     web=web:3.0 (canary)
                    proxy=envoy:1.0 (canary, stable)
                    web=web:2.0 (stable)
        Progress:   [##########....................] 33%  step 3/6
        Weights:    canary 20%  stable 80%
        Replicas:   desired 4  current 5  updated 1  ready 5  available 5

        Steps
          [x] 1  setWeight 20
          [x] 2  pause (until promoted)
          [>] 3  analysis success-rate  in progress
          [ ] 4  setWeight 50
          [ ] 5  pause 1m
          [ ] 6  setWeight 80

        ReplicaSets
          REVISION  NAME       ROLE    READY  AGE
          3         web-hash3  canary  1/1    4m
          2         web-hash2  stable  4/4    9d
          1         web-hash1  old     0/0    28d

        Analysis  web-hash3-step-2 (step 3): Running
          METRIC        PHASE    MEASURED  LATEST VALUES
          success-rate  Running  2/3       0.982, 0.991
          latency-p99   Running  2/3       0.21, error
          latency-p99: Prometheus at http://prometheus:9090: connection refused
        """);
  }

  @Test
  void aPausedStepIsMarkedAndThePauseReasonShown() {
    String frame = StatusRenderer.render(canary(Snapshots.PAUSED_AT_STEP_2), Style.plain(100));

    assertThat(frame).contains("Status:     [=] Paused (CanaryPauseStep)\n")
        .contains("  [x] 1  setWeight 20\n  [=] 2  pause (until promoted)  paused: kubectl ramp promote web to go on\n"
            + "  [ ] 3  analysis success-rate\n")
        .contains("Progress:   [#####.........................] 17%  step 2/6\n");
  }

  /** Paused by the controller at step 5, a pause of 20 (whole seconds), which began at this time. */
  private static StatusView timedPause(String startTime, Instant now) {
    String spec = Snapshots.CANARY_SPEC.replace("{\"pause\":{\"duration\":\"1m\"}}", "{\"pause\":{\"duration\":20}}");
    String status = """
        {"phase":"Paused","message":"paused at step 5/6 for 20s","observedGeneration":4,"currentStepIndex":4,
         "currentPodHash":"hash3","stableRS":"hash2","controllerPause":true,
         "pauseConditions":[{"reason":"CanaryPauseStep","startTime":"%s"}],
         "replicas":5,"updatedReplicas":2,"readyReplicas":5,"availableReplicas":5,
         "canary":{"weights":{"canary":{"weight":50,"podTemplateHash":"hash3"},"stable":{"weight":50,"podTemplateHash":"hash2"}}}}"""
        .formatted(startTime);
    return new StatusView(Snapshots.snapshot(spec, status, 4), List.of(), now);
  }

  @Test
  void aTimedPauseShowsTheTimeLeftOnItsStep() {
    String frame = StatusRenderer.render(timedPause("2026-03-01T10:01:52Z", NOW), Style.plain(100));

    assertThat(frame).contains("Message:    paused at step 5/6 for 20s\n")
        .contains("  [x] 4  setWeight 50\n  [=] 5  pause 20s  paused, 12s left\n  [ ] 6  setWeight 80\n");
  }

  @Test
  void theTimeLeftCountsDownWithTheClockAndRoundsUp() {
    StatusView view = timedPause("2026-03-01T10:01:52Z", NOW);
    StatusView secondLater = new StatusView(view.snapshot(), List.of(), NOW.plusSeconds(1));
    StatusView midSecond = new StatusView(view.snapshot(), List.of(), NOW.plusMillis(10_500));

    assertThat(StatusRenderer.render(secondLater, Style.plain(100))).contains("  [=] 5  pause 20s  paused, 11s left\n");
    assertThat(StatusRenderer.render(midSecond, Style.plain(100))).contains("  [=] 5  pause 20s  paused, 2s left\n");
    assertThat(StatusRenderer.changesWithTime(view)).isTrue();
  }

  @Test
  void aTimedPauseWhoseTimeIsUpSaysItIsResuming() {
    StatusView due = timedPause("2026-03-01T10:01:40Z", NOW);

    assertThat(StatusRenderer.render(due, Style.plain(100))).contains("  [=] 5  pause 20s  resuming\n");
    assertThat(StatusRenderer.changesWithTime(due)).isFalse();
  }

  @Test
  void theLogSummaryOfATimedPauseDoesNotTick() {
    StatusView view = timedPause("2026-03-01T10:01:52Z", NOW);

    assertThat(StatusRenderer.summary(new StatusView(view.snapshot(), List.of(), NOW.plusSeconds(5))))
        .isEqualTo(StatusRenderer.summary(view))
        .isEqualTo("Paused (CanaryPauseStep), step 5/6, canary 50%, revision 3, paused at step 5/6 for 20s");
  }

  @Test
  void aFirstRevisionShowsItsStepsAsNotRun() {
    RolloutSnapshot healthy = Snapshots.canary("""
        {"phase":"Healthy","observedGeneration":4,"currentStepIndex":6,"currentPodHash":"hash1","stableRS":"hash1",
         "replicas":4,"updatedReplicas":4,"readyReplicas":4,"availableReplicas":4,
         "canary":{"weights":{"canary":{"weight":0,"podTemplateHash":"hash1"},"stable":{"weight":100,"podTemplateHash":"hash1"}}}}""");
    RolloutSnapshot first = new RolloutSnapshot(healthy.rollout(), healthy.raw(),
        List.of(Snapshots.replicaSet("hash1", 1, 4, 4, "web:3.0", "2026-03-01T09:00:00Z")));

    assertThat(StatusRenderer.render(new StatusView(first, List.of(), NOW), Style.plain(100))).isEqualTo("""
        Rollout:    web  (namespace shop)
        Status:     [x] Healthy
        Strategy:   Canary (replica ratio)
        Revision:   1
        Images:     web=web:3.0 (stable)
                    proxy=envoy:1.0 (stable)
        Progress:   [##############################] 100%  first revision: deployed without steps
        Weights:    canary 0%  stable 100%
        Replicas:   desired 4  current 4  updated 4  ready 4  available 4

        Steps
          [ ] 1  setWeight 20
          [ ] 2  pause (until promoted)
          [ ] 3  analysis success-rate
          [ ] 4  setWeight 50
          [ ] 5  pause 1m
          [ ] 6  setWeight 80

        ReplicaSets
          REVISION  NAME       ROLE    READY  AGE
          1         web-hash1  stable  4/4    62m
        """);
  }

  @Test
  void aLaterRevisionDoneMarksItsStepsDone() {
    String frame = StatusRenderer.render(new StatusView(Snapshots.canary(Snapshots.HEALTHY), List.of(), NOW),
        Style.plain(100));

    assertThat(frame).contains("] 100%  all steps done\n").contains("  [x] 1  setWeight 20\n  [x] 2  pause");
  }

  @Test
  void anAbortedCanarySaysSoWithTheControllersMessage() {
    String frame = StatusRenderer.render(canary(Snapshots.ABORTED), Style.plain(100));

    assertThat(frame).contains("Status:     [!] Degraded (aborted)\n")
        .contains("Message:    aborted: metric success-rate failed (0.62 < 0.95)\n")
        .contains("Weights:    canary 0%  stable 100%\n")
        .contains("] 0%  step 1/6, aborted\n");
  }

  @Test
  void aBlueGreenShowsWhichRevisionEachServiceSelects() {
    String paused = """
        {"phase":"Paused","observedGeneration":4,"currentPodHash":"hash3","stableRS":"hash2","controllerPause":true,
         "pauseConditions":[{"reason":"BlueGreenPause","startTime":"2026-03-01T10:00:00Z"}],
         "replicas":4,"updatedReplicas":2,"readyReplicas":4,"availableReplicas":4,
         "blueGreen":{"activeSelector":"hash2","previewSelector":"hash3"}}""";

    assertThat(StatusRenderer.render(new StatusView(Snapshots.blueGreen(paused), List.of(), NOW), Style.plain(100)))
        .isEqualTo("""
            Rollout:    web  (namespace shop)
            Status:     [=] Paused (BlueGreenPause)
            Strategy:   BlueGreen (active web-active, preview web-preview, promotion by hand)
            Revision:   3  (stable: 2)
            Images:     web=web:3.0 (preview)
                        proxy=envoy:1.0 (preview, active)
                        web=web:2.0 (active)
            Progress:   [###############...............] 50%  previewing new revision
            Services:   active -> revision 2  preview -> revision 3
            Replicas:   desired 2  current 4  updated 2  ready 4  available 4

            ReplicaSets
              REVISION  NAME       ROLE     READY  AGE
              3         web-hash3  preview  1/1    4m
              2         web-hash2  active   4/4    9d
              1         web-hash1  old      0/0    28d
            """);
  }

  @Test
  void aRolloutTheControllerHasNotReportedOnSaysSo() {
    String frame = StatusRenderer.render(new StatusView(Snapshots.canary("{}"), List.of(), NOW), Style.plain(100));

    assertThat(frame).contains("Status:     unknown: the controller has not reported yet\n");
  }

  @Test
  void plainFramesHaveNoEscapeCodesAndOnlyAscii() {
    String frame = StatusRenderer.render(canary(Snapshots.ANALYSING_AT_STEP_3), Style.plain(100));

    assertThat(frame).doesNotContain("\033");
    assertThat(frame.chars().allMatch(c -> c < 128)).isTrue();
  }

  @Test
  void terminalFramesColourThePhaseAndUseSymbols() {
    String frame = StatusRenderer.render(canary(Snapshots.ANALYSING_AT_STEP_3), Style.terminal(100));

    assertThat(frame).contains("Status:     \033[34m▶ Progressing\033[0m\n")
        .contains("\033[32m✔\033[0m 1  setWeight 20\n")
        .contains("[\033[34m██████████\033[0m\033[2m░░░░░░░░░░░░░░░░░░░░\033[0m] 33%  step 3/6\n");
  }

  @Test
  void everyLineFitsANarrowTerminalAndACutIsMarked() {
    String frame = StatusRenderer.render(canary(Snapshots.ANALYSING_AT_STEP_3), Style.plain(40));

    assertThat(frame.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
    assertThat(frame).contains("  [>] 3  analysis success-rate  in prog~\n")
        .contains("Progress:   [###.......] 33%  step 3/6\n");
  }

  @Test
  void aColouredLineIsCutOnItsTextNotItsEscapeCodes() {
    String frame = StatusRenderer.render(canary(Snapshots.ANALYSING_AT_STEP_3), Style.terminal(30));

    assertThat(frame.lines().map(l -> l.replaceAll("\033\\[[0-9;]*m", "")))
        .allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(30));
    assertThat(frame).doesNotContain("\033[3\033");
  }

  @Test
  void theSummaryIsOneLineForLogs() {
    assertThat(StatusRenderer.summary(canary(Snapshots.PAUSED_AT_STEP_2)))
        .isEqualTo("Paused (CanaryPauseStep), step 2/6, canary 20%, revision 3, analysis step 3 Running");
    assertThat(StatusRenderer.summary(canary(Snapshots.ABORTED))).isEqualTo("Degraded (aborted), step 1/6, canary 0%,"
        + " revision 3, analysis step 3 Running, aborted: metric success-rate failed (0.62 < 0.95)");
  }
}
