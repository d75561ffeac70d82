package dev.ramp.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.cli.core.Json;
import dev.ramp.cli.testing.RampSandbox;
import dev.ramp.cli.testing.RampSandbox.Result;
import dev.ramp.cli.testing.RealController;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin with the real controller running against the sandbox: each write is acknowledged by
 * the controller itself, and {@code status --watch} waits on what it does.
 */
class WithTheControllerTest {
  @TempDir
  static Path dir;
  static RampSandbox sandbox;
  static RealController controller;

  @BeforeAll
  static void start() {
    sandbox = RampSandbox.start(dir);
    controller = RealController.start(sandbox);
  }

  @AfterAll
  static void stop() {
    controller.close();
    sandbox.close();
  }

  private static String rollout(String name) {
    return """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata:
          name: %1$s
        spec:
          replicas: 4
          selector:
            matchLabels: {app: %1$s}
          template:
            metadata:
              labels: {app: %1$s}
            spec:
              containers:
              - name: app
                image: example/app:1
          strategy:
            canary:
              steps:
              - setWeight: 25
              - pause: {}
              - setWeight: 50
              - pause: {}
        """.formatted(name);
  }

  private static Result ramp(String... args) {
    Result result = sandbox.run(args);
    System.out.println("$ kubectl ramp " + String.join(" ", args) + " -> " + result.exitCode() + "\n" + result.out()
        + result.err());
    return result;
  }

  @Test
  void aNewImageIsPromotedStepByStepToHealthy() {
    sandbox.apply(rollout("shop"));
    assertThat(ramp("status", "shop", "--watch", "--timeout", "60s", "--interval", "200ms").exitCode()).isZero();

    Result set = ramp("set", "image", "shop", "app=example/app:2");
    assertThat(set.exitCode()).isZero();
    waitForPause("shop", 1);
    Result paused = ramp("status", "shop");
    assertThat(paused.exitCode()).as("paused at the first pause step: not finished").isEqualTo(3);
    assertThat(paused.out()).contains("Paused (CanaryPauseStep)").contains("step 2/4");

    Result first = ramp("promote", "shop");
    assertThat(first.exitCode()).isZero();
    // The controller may be through the setWeight step and at the next pause by the time the plugin looks.
    assertThat(first.out()).matches("promoted rollout shop from step 2/4 to step [34]/4 \\(was paused: CanaryPauseStep\\)\n");

    waitForPause("shop", 3);
    Result second = ramp("promote", "shop");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).startsWith("promoted rollout shop from step 4/4");

    Result done = ramp("status", "shop", "--watch", "--timeout", "60s", "--interval", "200ms");
    assertThat(done.exitCode()).isZero();
    assertThat(done.out()).endsWith("rollout shop is Healthy\n");
    assertThat(ramp("promote", "shop").exitCode()).as("nothing left to promote").isEqualTo(4);
  }

  @Test
  void anAbortPutsTrafficBackOnStableAndRetryStartsAgain() {
    sandbox.apply(rollout("cart"));
    assertThat(ramp("status", "cart", "-w", "-t", "60s", "--interval", "200ms").exitCode()).isZero();
    assertThat(ramp("abort", "cart").exitCode()).as("nothing to abort while Healthy").isEqualTo(4);

    assertThat(ramp("set", "image", "cart", "app=example/app:2").exitCode()).isZero();
    waitForPause("cart", 1);

    Result abort = ramp("abort", "cart");
    assertThat(abort.exitCode()).isZero();
    assertThat(abort.out()).isEqualTo("aborted rollout cart: traffic back on stable (revision 1)\n");
    Result status = ramp("status", "cart");
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out()).contains("Degraded (aborted)");

    Result retry = ramp("retry", "cart");
    assertThat(retry.exitCode()).isZero();
    assertThat(retry.out()).startsWith("retrying rollout cart: revision 2 starts its steps again, now at step ");
    waitForPause("cart", 1);

    Result undo = ramp("undo", "cart");
    assertThat(undo.exitCode()).isZero();
    assertThat(undo.out()).isEqualTo("rolled rollout cart back to revision 1 (app=example/app:1)\n");
    // The very template of revision 1: the controller takes that revision up again, no new one.
    assertThat(ramp("status", "cart", "-w", "-t", "60s", "--interval", "200ms").exitCode()).isZero();
    assertThat(ramp("status", "cart").out()).contains("Revision:   1\n");
  }

  @Test
  void anUndoWhoseTemplateSpelledOutADefaultSaysItMakesANewRevision() {
    // IfNotPresent is what the API server fills in for a tagged image: undo strips it, so revision 1's
    // template comes back without it and hashes to another revision.
    sandbox.apply(rollout("pull").replace("image: example/app:1", "image: example/app:1\n        imagePullPolicy: IfNotPresent"));
    assertThat(ramp("status", "pull", "-w", "-t", "60s", "--interval", "200ms").exitCode()).isZero();
    assertThat(ramp("set", "image", "pull", "app=example/app:2").exitCode()).isZero();
    waitForPause("pull", 1);

    Result undo = ramp("undo", "pull");
    assertThat(undo.exitCode()).isZero();
    assertThat(undo.out()).startsWith("rolled rollout pull back to revision 1 (app=example/app:1); its template does not"
        + " hash back to revision 1 (").endsWith("the controller rolls it out as a new revision with the same pods\n");
    // As said: the controller does not take revision 1 up again but starts revision 3, named by the hash undo computed.
    Matcher putBack = Pattern.compile("put back: (\\w+)\\)").matcher(undo.out());
    assertThat(putBack.find()).isTrue();
    waitForPause("pull", 1);
    assertThat(ramp("status", "pull").out()).contains("Revision:   3  (stable: 1)\n")
        .containsPattern("\n  3 +pull-" + putBack.group(1) + " +canary ");
  }

  @Test
  void pauseHoldsTheRolloutUntilResumed() {
    sandbox.apply(rollout("hold"));
    assertThat(ramp("status", "hold", "-w", "-t", "60s", "--interval", "200ms").exitCode()).isZero();

    Result pause = ramp("pause", "hold");
    assertThat(pause.exitCode()).isZero();
    assertThat(pause.out()).startsWith("paused rollout hold (");
    assertThat(ramp("status", "hold").out()).contains("paused by a person (spec.paused)");

    Result resume = ramp("resume", "hold");
    assertThat(resume.exitCode()).isZero();
    assertThat(resume.out()).isEqualTo("resumed rollout hold\n");
  }

  @Test
  void aBlueGreenWaitsForPromotionThenSwitchesTheActiveService() {
    sandbox.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: bg-active}
        spec: {selector: {app: bg}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: bg-preview}
        spec: {selector: {app: bg}, ports: [{port: 80}]}
        ---
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata:
          name: bg
        spec:
          replicas: 2
          selector:
            matchLabels: {app: bg}
          template:
            metadata:
              labels: {app: bg}
            spec:
              containers:
              - name: app
                image: example/app:1
          strategy:
            blueGreen:
              activeService: bg-active
              previewService: bg-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 0
        """);
    assertThat(ramp("status", "bg", "-w", "-t", "60s", "--interval", "200ms").exitCode()).isZero();
    assertThat(ramp("promote", "bg").exitCode()).as("nothing to promote while Healthy").isEqualTo(4);

    assertThat(ramp("set", "image", "bg", "app=example/app:2").exitCode()).isZero();
    waitForPhase("bg", "Paused");
    assertThat(ramp("status", "bg").out()).contains("Paused (BlueGreenPause)")
        .contains("active -> revision 1  preview -> revision 2");

    Result promote = ramp("promote", "bg");
    assertThat(promote.exitCode()).isZero();
    assertThat(promote.out()).matches("promoted rollout bg: (revision 2 is active|switching the active service to"
        + " revision 2)\n");
    assertThat(ramp("status", "bg", "-w", "-t", "60s", "--interval", "200ms").exitCode()).isZero();
    assertThat(ramp("status", "bg").out()).contains("active -> revision 2");
  }

  private static void waitForPhase(String name, String phase) {
    sandbox.awaitRollout("default", name, "phase " + phase,
        r -> Json.string(r, "status", "phase").orElse("").equals(phase));
  }

  /** Waits until the controller pauses the rollout at the step with this index. */
  private static void waitForPause(String name, int index) {
    sandbox.awaitRollout("default", name, "a pause at step index " + index, r -> {
      var status = Json.object(r, "status");
      return status.isPresent() && Json.string(status.get(), "phase").orElse("").equals("Paused")
          && Json.integer(status.get(), -1, "currentStepIndex") == index;
    });
  }
}
