package dev.ramp.e2e.demo;

import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.Repo;
import dev.ramp.e2e.harness.RolloutView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.World;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo: the controller's jar against a sandbox API server, the example canary behind an Istio
 * VirtualService ({@code examples/canary-istio-host-split.yaml}, its 2-minute pauses shortened), a new
 * image, and each step printed as it happens until the new revision is Healthy. The controller's own log
 * goes to a file. Exits 0 when the new revision is stable, 1 (with a sentence saying why) otherwise.
 */
public final class Demo {
  private static final String ROLLOUT = DemoSetup.ROLLOUT;
  private static final String NEW_IMAGE = Images.demoApp("1.1");
  private static final String SHORT_PAUSE = "3s";
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final PrintStream out;
  private final Instant launched = Instant.now();
  private final ProgressPrinter progress;

  private Demo(PrintStream out) {
    this.out = out;
    this.progress = ProgressPrinter.elapsed(out);
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path logs = Repo.target();
    try {
      new Demo(out).run(logs);
    } catch (RuntimeException | AssertionError e) {
      out.println();
      out.println("The demo failed: " + e.getMessage());
      out.println("The controller's log: " + logs.resolve("demo-controller.log"));
      // exec:java runs in Maven's JVM: exiting is how the build learns the demo failed without a stack trace
      System.exit(1);
    }
  }

  private void run(Path logs) {
    out.println("Ramp demo: a canary behind an Istio VirtualService, in a sandbox Kubernetes API");
    out.println();
    try (DemoSetup setup = DemoSetup.start(out, "demo", logs, logs.resolve("demo/sandbox.kubeconfig"))) {
      Scenario demo = setup.scenario();
      progress.restartClock();
      setup.applyExample(SHORT_PAUSE, out);
      demo.timeline().onChange(progress::show);
      demo.awaitHealthy(ROLLOUT, STEP_TIMEOUT);
      String first = demo.now().rollout(ROLLOUT).stableHash();

      Instant changed = Instant.now();
      progress.say("Changing the image to " + NEW_IMAGE + " (as `kubectl ramp set image demo demo=" + NEW_IMAGE + "`)");
      demo.setImage(ROLLOUT, NEW_IMAGE);
      while (true) {
        World world = demo.awaitRollout(ROLLOUT, "the next step", STEP_TIMEOUT,
            r -> r.observed() && !r.currentPodHash().equals(first) && (r.healthy() || waitsForPromotion(r)));
        RolloutView rollout = world.rollout(ROLLOUT);
        if (rollout.healthy()) {
          break;
        }
        progress.show(demo.now());
        progress.say("Paused until promoted: promoting (as `kubectl ramp promote demo`)");
        demo.promote(ROLLOUT);
        demo.awaitRollout(ROLLOUT, "promotion acknowledged", STEP_TIMEOUT, r -> !waitsForPromotion(r));
      }
      // the promotion's Events (RolloutPromoted, RolloutCompleted) follow the status that says Healthy
      demo.awaitEvents(ROLLOUT, "RolloutCompleted", 2, STEP_TIMEOUT);
      RolloutView done = demo.now().rollout(ROLLOUT);
      progress.show(demo.now());
      progress.finish();
      out.println();
      out.printf("Done in %.1f s (%.1f s since the image changed): %s (%s) is the stable revision, all %d pods%n"
          + "ready; the old revision's pods go after scaleDownDelaySeconds (30 s by default).%n",
          Duration.between(launched, Instant.now()).toMillis() / 1000.0,
          Duration.between(changed, Instant.now()).toMillis() / 1000.0, NEW_IMAGE, done.stableHash(),
          done.replicas());
      out.println("The controller's log is in " + DemoSetup.shown(setup.controllerLog()) + ".");
    }
  }

  /** Paused at a {@code pause: {}} step, which waits for a person. */
  static boolean waitsForPromotion(RolloutView r) {
    return r.pauseReasons().contains("CanaryPauseStep") && r.stepIndex() < r.stepCount()
        && r.step(r.stepIndex()).path("pause").isObject() && r.step(r.stepIndex()).path("pause").path("duration")
        .isMissingNode();
  }
}
