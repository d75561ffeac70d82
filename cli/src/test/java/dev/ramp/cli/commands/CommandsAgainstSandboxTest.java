package dev.ramp.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.ramp.cli.core.Json;
import dev.ramp.cli.kube.Sleeper;
import dev.ramp.cli.testing.FakeTime;
import dev.ramp.cli.testing.Fixtures;
import dev.ramp.cli.testing.RampSandbox.Result;
import dev.ramp.cli.testing.RampSandbox;
import dev.ramp.cli.testing.StandInController;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command against the sandbox API server, with the test playing the controller's part where
 * a write must be acknowledged ({@link StandInController}). Each test has a rollout of its own.
 */
class CommandsAgainstSandboxTest {
  @TempDir
  static Path dir;
  static RampSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = RampSandbox.start(dir);
    sandbox.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonObject status(String name) {
    return Json.object(sandbox.rollout("default", name), "status").orElseThrow();
  }

  @Test
  void statusOfAHealthyRolloutExitsZero() {
    Fixtures.healthyCanary(sandbox, "default", "idle");

    Result result = sandbox.run("status", "idle");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Rollout:    idle  (namespace default)\nStatus:     [x] Healthy\n")
        .contains("  2         idle-hash2  stable  ");
  }

  @Test
  void statusOfAnAbortedRolloutExitsOneAndOfAPausedOneThree() {
    Fixtures.abortedCanary(sandbox, "default", "sad");
    Fixtures.pausedCanary(sandbox, "default", "waiting");

    assertThat(sandbox.run("status", "sad").exitCode()).isEqualTo(1);
    assertThat(sandbox.run("status", "waiting").exitCode()).isEqualTo(3);
  }

  @Test
  void statusWatchWaitsUntilHealthyAndLogsEachChangeOnALine() {
    Fixtures.pausedCanary(sandbox, "default", "ci");
    // The stand-in controller moves the rollout on by one state each time the plugin waits to poll again.
    List<UnaryOperator<JsonObject>> controllerSteps = new ArrayList<>(List.of(
        st -> {
          st.addProperty("phase", "Progressing");
          st.addProperty("currentStepIndex", 3);
          st.remove("pauseConditions");
          return st;
        },
        st -> {
          st.addProperty("phase", "Healthy");
          st.addProperty("currentStepIndex", 6);
          st.addProperty("stableRS", "hash3");
          return st;
        }));
    Sleeper controller = pause -> {
      if (!controllerSteps.isEmpty()) {
        sandbox.writeStatus("default", "ci", controllerSteps.remove(0));
      }
    };

    Result result = sandbox.runPolling(controller, "status", "ci", "--watch", "--interval", "100ms", "--timeout", "30s");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).doesNotContain("\033");
    assertThat(result.out().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  .*")))
        .anySatisfy(l -> assertThat(l).endsWith("  Progressing, step 4/6, canary 20%, revision 3"))
        .anySatisfy(l -> assertThat(l).contains("  Healthy"));
    assertThat(result.out()).endsWith("rollout ci is Healthy\n");
  }

  @Test
  void onATerminalTheLiveViewIsRedrawnInPlaceInColour() {
    Fixtures.pausedCanary(sandbox, "default", "live");

    Result result = sandbox.runOnTerminal(80, 60, "status", "live", "-w", "--interval", "100ms", "--timeout", "350ms");

    assertThat(result.exitCode()).isEqualTo(3);
    String[] frames = result.out().split("\033\\[J", -1);
    assertThat(frames.length).as("one clear per frame").isGreaterThanOrEqualTo(3);
    // Each frame after the first moves the cursor up over the one before: the view stays in place.
    int firstFrameLines = (int) frames[1].substring(0, frames[1].lastIndexOf('\n') + 1).lines().count();
    assertThat(frames[1]).endsWith("\033[" + firstFrameLines + "F");
    assertThat(frames[1]).contains("\033[33m॥ Paused\033[0m (CanaryPauseStep)").contains("watching (gives up after");
    assertThat(result.out().lines()).allSatisfy(line ->
        assertThat(line.replaceAll("\033\\[[0-9;]*[mFJ]", "").length()).isLessThanOrEqualTo(80));
  }

  @Test
  void onATerminalATimedPauseCountsDownEverySecondWhateverThePollInterval() {
    FakeTime time = new FakeTime();
    Fixtures.timedPauseCanary(sandbox, "default", "tick", time.instant().minusSeconds(48));

    Result result = sandbox.runOnClock(time, new Terminal(true, 100, 60, true),
        "status", "tick", "-w", "--interval", "5s", "--timeout", "4s");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(time.sleeps()).containsOnly(Duration.ofSeconds(1));
    List<String> frames = List.of(result.out().split("\033\\[J", -1));
    for (int left = 12; left >= 8; left--) {
      String shown = "pause 1m\033[0m\033[33m  paused, " + left + "s left\033[0m\n";
      assertThat(frames).as("a frame with %ds left", left).anySatisfy(f -> assertThat(f).contains(shown));
    }
  }

  @Test
  void aLogOfATimedPauseGetsNoLinePerSecond() {
    FakeTime time = new FakeTime();
    Fixtures.timedPauseCanary(sandbox, "default", "quiet", time.instant().minusSeconds(48));

    Result result = sandbox.runOnClock(time, Terminal.plain(100),
        "status", "quiet", "-w", "--interval", "1s", "--timeout", "6s");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(time.sleeps()).hasSize(6);
    // The first frame and the last (at the time-out), and no line in between: the state did not change.
    assertThat(result.out().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  .*"))).isEmpty();
    assertThat(result.out()).contains("  [=] 5  pause 1m  paused, 12s left\n")
        .contains("  [=] 5  pause 1m  paused, 6s left\n");
    assertThat(result.out().lines().filter(l -> l.contains(" left"))).hasSize(2);
  }

  @Test
  void noColorOnATerminalIsPlainText() {
    Fixtures.healthyCanary(sandbox, "default", "mono");

    Result result = sandbox.runOnTerminal(80, 60, "status", "mono", "--no-color");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).doesNotContain("\033").contains("Status:     [x] Healthy");
  }

  @Test
  void statusWatchGivesUpAtItsTimeout() {
    Fixtures.pausedCanary(sandbox, "default", "slow");

    Result result = sandbox.run("status", "slow", "-w", "--interval", "100ms", "--timeout", "1s");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).isEqualTo("timed out after 1s: rollout slow is Paused (CanaryPauseStep), step 2/6,"
        + " canary 20%, revision 3\n");
  }

  @Test
  void promoteFromAPauseStepMovesToTheNextStep() throws Exception {
    Fixtures.pausedCanary(sandbox, "default", "prom");
    try (var controller = new StandInController(sandbox, "default", "prom")) {
      Result result = sandbox.run("promote", "prom");

      assertThat(result.err()).isEmpty();
      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEqualTo("promoted rollout prom from step 2/6 to step 3/6 (was paused: CanaryPauseStep)\n");
    }
    assertThat(status("prom").has("pauseConditions")).isFalse();
  }

  @Test
  void promoteSkipsABlockingAnalysisStep() throws Exception {
    Fixtures.analysingCanary(sandbox, "default", "skip");
    assertThat(sandbox.run("status", "skip").out())
        .contains("Analysis  skip-hash3-step-2 (step 3): Running\n")
        .contains("  success-rate  Running  1/3       0.991\n");
    try (var controller = new StandInController(sandbox, "default", "skip")) {
      Result result = sandbox.run("promote", "skip");

      assertThat(result.out()).isEqualTo("promoted rollout skip from step 3/6 to step 4/6\n");
      assertThat(result.exitCode()).isZero();
    }
    assertThat(Json.integer(status("skip"), -1, "currentStepIndex")).isEqualTo(3);
  }

  @Test
  void promoteFullSkipsEverythingLeft() throws Exception {
    Fixtures.pausedCanary(sandbox, "default", "full");
    try (var controller = new StandInController(sandbox, "default", "full")) {
      Result result = sandbox.run("promote", "full", "--full");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEqualTo("promoted rollout full fully from step 2/6: remaining steps, pauses and"
          + " analyses skipped, revision 3 becomes stable\n");
    }
  }

  @Test
  void promotingAnAbortedRolloutIsRefusedAndWritesNothing() {
    Fixtures.abortedCanary(sandbox, "default", "nopromo");
    String before = Json.string(sandbox.rollout("default", "nopromo"), "metadata", "resourceVersion").orElseThrow();

    Result result = sandbox.run("promote", "nopromo");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).isEqualTo("error: rollout nopromo is aborted: there is nothing to promote."
        + " `kubectl ramp retry nopromo` starts the update again\n");
    assertThat(Json.string(sandbox.rollout("default", "nopromo"), "metadata", "resourceVersion")).hasValue(before);
  }

  @Test
  void abortThenRetry() throws Exception {
    Fixtures.pausedCanary(sandbox, "default", "oops");
    try (var controller = new StandInController(sandbox, "default", "oops")) {
      Result abort = sandbox.run("abort", "oops");
      assertThat(abort.exitCode()).isZero();
      assertThat(abort.out()).isEqualTo("aborted rollout oops: traffic back on stable (revision 2)\n");
      assertThat(status("oops").get("abort").getAsBoolean()).isTrue();

      Result again = sandbox.run("abort", "oops");
      assertThat(again.exitCode()).isZero();
      assertThat(again.out()).startsWith("rollout oops is already aborted (since ");

      Result retry = sandbox.run("retry", "oops");
      assertThat(retry.exitCode()).isZero();
      assertThat(retry.out()).isEqualTo("retrying rollout oops: revision 3 starts its steps again, now at step 1/6\n");
      assertThat(status("oops").get("abort").getAsBoolean()).isFalse();
    }
  }

  @Test
  void abortOnAHealthyRolloutAndRetryWhenNotAbortedAreRefused() {
    Fixtures.healthyCanary(sandbox, "default", "fine");

    Result abort = sandbox.run("abort", "fine");
    assertThat(abort.exitCode()).isEqualTo(4);
    assertThat(abort.err()).isEqualTo("error: nothing to abort: rollout fine has no update in progress (Healthy on"
        + " revision 2)\n");
    assertThat(sandbox.run("retry", "fine").exitCode()).isEqualTo(4);
  }

  @Test
  void pauseAndResumeWaitForTheControllerToSeeTheSpec() throws Exception {
    Fixtures.pausedCanary(sandbox, "default", "hold");
    try (var controller = new StandInController(sandbox, "default", "hold")) {
      Result pause = sandbox.run("pause", "hold");
      assertThat(pause.out()).isEqualTo("paused rollout hold at step 2/6, canary at 20%\n");
      JsonObject paused = sandbox.rollout("default", "hold");
      assertThat(Json.at(paused, "spec", "paused").orElseThrow().getAsBoolean()).isTrue();
      assertThat(Json.at(paused, "status", "observedGeneration").orElseThrow().getAsLong())
          .isEqualTo(Json.at(paused, "metadata", "generation").orElseThrow().getAsLong());

      assertThat(sandbox.run("pause", "hold").out()).isEqualTo("rollout hold is already paused; `kubectl ramp resume"
          + " hold` lets it go on\n");

      Result resume = sandbox.run("resume", "hold");
      assertThat(resume.exitCode()).isZero();
      assertThat(resume.out()).startsWith("resumed rollout hold");
      assertThat(Json.at(sandbox.rollout("default", "hold"), "spec", "paused").orElseThrow().getAsBoolean()).isFalse();
    }
  }

  @Test
  void undoPutsThePreviousRevisionsTemplateBack() throws Exception {
    Fixtures.pausedCanary(sandbox, "default", "back");
    try (var controller = new StandInController(sandbox, "default", "back")) {
      Result undo = sandbox.run("undo", "back");

      assertThat(undo.exitCode()).isZero();
      // The fixtures name revisions hash2 and hash3, not by their templates: undo says it makes a new revision.
      assertThat(undo.out()).matches("rolled rollout back back to revision 2 \\(back=back:2\\.0\\); its template does"
          + " not hash back to revision 2 \\(hash2, put back: [bcdfghjklmnpqrstvwxz2456789]+\\), most likely because it"
          + " spelled out a default the API server fills in; the controller rolls it out as a new revision with the"
          + " same pods\n");
    }
    JsonObject template = Json.object(sandbox.rollout("default", "back"), "spec", "template").orElseThrow();
    assertThat(template.toString()).contains("\"image\":\"back:2.0\"").doesNotContain("rollouts-pod-template-hash");

    // Not waiting for the controller does not make it silent.
    Result unawaited = sandbox.run("undo", "back", "--to-revision", "3", "--timeout", "0");
    assertThat(unawaited.exitCode()).isZero();
    assertThat(unawaited.out()).startsWith("wrote the undo of rollout back; not waiting for the controller (--timeout 0);"
        + " its template does not hash back to revision 3 (hash3, put back: ");
    assertThat(Json.object(sandbox.rollout("default", "back"), "spec", "template").orElseThrow().toString())
        .contains("\"image\":\"back:3.0\"");

    Result nowhere = sandbox.run("undo", "back", "--to-revision", "9");
    assertThat(nowhere.exitCode()).isEqualTo(4);
    assertThat(nowhere.err()).isEqualTo("error: rollout back has no revision 9 (revisions: 3, 2)\n");
  }

  @Test
  void setImageChangesOneContainer() throws Exception {
    Fixtures.healthyCanary(sandbox, "default", "img");
    try (var controller = new StandInController(sandbox, "default", "img")) {
      Result set = sandbox.run("set", "image", "img", "img=img:4.0");

      assertThat(set.exitCode()).isZero();
      assertThat(set.out()).isEqualTo("set image of rollout img: img=img:4.0; the controller rolls it out as a new update\n");
    }
    assertThat(sandbox.rollout("default", "img").toString()).contains("\"image\":\"img:4.0\"");

    Result unknown = sandbox.run("set", "image", "img", "sidecar=x:1");
    assertThat(unknown.exitCode()).isEqualTo(4);
    assertThat(unknown.err()).isEqualTo("error: rollout img has no container \"sidecar\"; its containers: img\n");

    Result malformed = sandbox.run("set", "image", "img", "just-an-image");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).startsWith("error: expected CONTAINER=IMAGE, got 'just-an-image'");
  }

  @Test
  void aWriteTheControllerDoesNotAcknowledgeEndsWithExitThree() {
    Fixtures.pausedCanary(sandbox, "default", "orphan");

    Result result = sandbox.run("promote", "orphan", "--timeout", "1s");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).isEqualTo("error: the promotion of rollout orphan is written, but the controller did not"
        + " move past step 2 within 1s: is it running? (`kubectl ramp version` looks for it)\n");
  }

  @Test
  void listShowsTheNamespaceOrAll() {
    Fixtures.healthyCanary(sandbox, "shop", "cart");

    Result shop = sandbox.run("list", "-n", "shop");
    assertThat(shop.exitCode()).isZero();
    assertThat(shop.out()).startsWith("NAME  STRATEGY  STATUS   STEP  WEIGHT  READY  AGE\ncart  Canary    Healthy  6/6");

    Result all = sandbox.run("list", "-A");
    assertThat(all.out()).startsWith("NAMESPACE  NAME").contains("\nshop       cart").contains("\ndefault    ");

    assertThat(sandbox.run("list", "-n", "kube-public").err()).isEqualTo("No rollouts in namespace kube-public.\n");
  }

  @Test
  void everyCommandHasHelpWithTheExitCodes() {
    Result help = sandbox.run("promote", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: kubectl ramp promote").contains("--full")
        .contains("Exit codes:\n  0  done: Healthy");
  }

  @Test
  void aMissingRolloutIsNamedWithTheNamespaceLookedIn() {
    Result result = sandbox.run("-n", "shop", "status", "ghost");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("error: rollout \"ghost\" not found in namespace \"shop\" (`kubectl ramp list"
        + " -n shop` lists the rollouts there)\n");
  }

  @Test
  void versionFindsTheControllerByItsLabelOrSaysUnknown() {
    assertThat(sandbox.run("version").out()).endsWith(
        "controller: unknown (no Deployment labelled app.kubernetes.io/name=ramp found)\n");

    sandbox.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ramp-controller
          namespace: kube-system
          labels: {app.kubernetes.io/name: ramp}
        spec:
          replicas: 0
          selector: {matchLabels: {app: ramp}}
          template:
            metadata: {labels: {app: ramp}}
            spec:
              containers:
              - {name: controller, image: "ghcr.io/ramp-dev/ramp:0.3.1"}
        """);
    Result result = sandbox.run("version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("plugin:     kubectl-ramp ")
        .endsWith("controller: 0.3.1 (deployment kube-system/ramp-controller)\n");
  }
}
