package dev.ramp.e2e.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.e2e.harness.Environment;
import dev.ramp.e2e.harness.EventView;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.Manifest;
import dev.ramp.e2e.harness.ReplicaSetView;
import dev.ramp.e2e.harness.Repo;
import dev.ramp.e2e.harness.RolloutView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.World;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The demo: the controller's jar against a sandbox API server, the example canary behind an Istio
 * VirtualService ({@code examples/canary-istio-host-split.yaml}, its 2-minute pauses shortened), a new
 * image, and each step printed as it happens until the new revision is Healthy. The controller's own log
 * goes to a file. Exits 0 when the new revision is stable, 1 (with a sentence saying why) otherwise.
 */
public final class Demo {
  private static final String EXAMPLE = "examples/canary-istio-host-split.yaml";
  private static final String ROLLOUT = "demo";
  private static final String NEW_IMAGE = Images.demoApp("1.1");
  private static final String SHORT_PAUSE = "3s";
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final PrintStream out;
  private final Instant launched = Instant.now();
  private volatile Instant start = launched;
  private final Set<String> eventsShown = new HashSet<>();
  private String lastLine = "";
  private boolean finished;

  private Demo(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path logs = Repo.target();
    try {
      quietLogging(logs.resolve("demo-sandbox.log"));
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
    Path controllerLog = logs.resolve("demo-controller.log");
    deleteQuietly(controllerLog);
    out.println("Ramp demo: a canary behind an Istio VirtualService, in a sandbox Kubernetes API");
    out.println();
    out.println("Starting the sandbox and the controller (java -jar controller/target/ramp-controller.jar)...");
    Environment.Options options = Environment.Options.defaults().sandboxOnly()
        .workDir(logs.resolve("demo")).controllerLog(controllerLog);
    try (Environment environment = Environment.start(options);
         Scenario demo = Scenario.openIn(environment, "demo", "default")) {
      out.printf("  ready in %.1f s%n", seconds());
      out.println("  API server   " + environment.kube().server() + " (kubeconfig "
          + Repo.root().relativize(environment.kubeconfig()) + ")");
      out.println("  controller   log in " + Repo.root().relativize(controllerLog));
      out.println();
      start = Instant.now();
      out.println("Applying " + EXAMPLE + " (pauses of 2m shortened to " + SHORT_PAUSE
          + "), the Services and the VirtualService before the Rollout");
      demo.applyObjects(example());
      demo.timeline().onChange(this::show);
      demo.awaitHealthy(ROLLOUT, STEP_TIMEOUT);
      String first = demo.now().rollout(ROLLOUT).stableHash();

      Instant changed = Instant.now();
      say("Changing the image to " + NEW_IMAGE + " (as `kubectl ramp set image demo demo=" + NEW_IMAGE + "`)");
      demo.setImage(ROLLOUT, NEW_IMAGE);
      while (true) {
        World world = demo.awaitRollout(ROLLOUT, "the next step", STEP_TIMEOUT,
            r -> r.observed() && !r.currentPodHash().equals(first) && (r.healthy() || waitsForPromotion(r)));
        RolloutView rollout = world.rollout(ROLLOUT);
        if (rollout.healthy()) {
          break;
        }
        show(demo.now());
        say("Paused until promoted: promoting (as `kubectl ramp promote demo`)");
        demo.promote(ROLLOUT);
        demo.awaitRollout(ROLLOUT, "promotion acknowledged", STEP_TIMEOUT, r -> !waitsForPromotion(r));
      }
      // the promotion's Events (RolloutPromoted, RolloutCompleted) follow the status that says Healthy
      demo.awaitEvents(ROLLOUT, "RolloutCompleted", 2, STEP_TIMEOUT);
      RolloutView done = demo.now().rollout(ROLLOUT);
      show(demo.now());
      finish();
      out.println();
      out.printf("Done in %.1f s (%.1f s since the image changed): %s (%s) is the stable revision, all %d pods%n"
          + "ready; the old revision's pods go after scaleDownDelaySeconds (30 s by default).%n",
          Duration.between(launched, Instant.now()).toMillis() / 1000.0,
          Duration.between(changed, Instant.now()).toMillis() / 1000.0, NEW_IMAGE, done.stableHash(),
          done.replicas());
      out.println("The controller's log is in " + Repo.root().relativize(controllerLog) + ".");
    }
  }

  /**
   * The example's objects with its timed pauses shortened, so that the demo takes seconds, not minutes;
   * the Rollout last, so that what it names exists when the controller first looks.
   */
  private static List<ObjectNode> example() {
    String text;
    try {
      text = Files.readString(Repo.root().resolve(EXAMPLE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + EXAMPLE + ": " + e.getMessage(), e);
    }
    List<ObjectNode> objects = new ArrayList<>(Manifest.parse(text.replace("{duration: 2m}",
        "{duration: " + SHORT_PAUSE + "}")));
    objects.sort(Comparator.comparing(o -> o.path("kind").asText().equals("Rollout")));
    return objects;
  }

  /** Paused at a {@code pause: {}} step, which waits for a person. */
  private static boolean waitsForPromotion(RolloutView r) {
    return r.pauseReasons().contains("CanaryPauseStep") && r.stepIndex() < r.stepCount()
        && r.step(r.stepIndex()).path("pause").isObject() && r.step(r.stepIndex()).path("pause").path("duration")
        .isMissingNode();
  }

  /** Prints the state when it differs from the last line printed, and each new Event once. */
  private synchronized void show(World world) {
    RolloutView rollout = world.rollout(ROLLOUT);
    if (finished || !rollout.exists() || rollout.phase().isEmpty()) {
      return;
    }
    String line = progress(world, rollout);
    if (!line.equals(lastLine)) {
      lastLine = line;
      out.printf("%6.1fs  %s%n", seconds(), line);
    }
    for (EventView event : world.events(ROLLOUT)) {
      String key = event.object().at("/metadata/name").asText();
      if (eventsShown.add(key)) {
        out.printf("%6.1fs    event %-17s %s%n", seconds(), event.reason(), event.message());
      }
    }
  }

  private static String progress(World world, RolloutView rollout) {
    int steps = rollout.stepCount();
    int index = rollout.stepIndex();
    String step = index < 0 ? "-" : index >= steps ? "done" : (index + 1) + "/" + steps;
    int weight = world.weight(ROLLOUT, "primary", "demo-canary").orElse(0);
    List<String> revisions = new ArrayList<>();
    for (ReplicaSetView rs : world.replicaSets(ROLLOUT)) {
      if (rs.desired() > 0 || rs.pods() > 0) {
        String tag = rs.image().substring(rs.image().lastIndexOf('/') + 1);
        revisions.add(tag + " " + rs.ready() + "/" + rs.desired() + " ready");
      }
    }
    return String.format("%-11s step %-5s canary weight %3d%%   pods: %s", rollout.phase(), step, weight,
        String.join(", ", revisions));
  }

  /** No more progress lines: the summary follows. */
  private synchronized void finish() {
    finished = true;
  }

  private synchronized void say(String text) {
    out.printf("%6.1fs  %s%n", seconds(), text);
  }

  private double seconds() {
    return Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }

  /** The sandbox logs through java.util.logging: to a file, so that only the demo's lines reach the terminal. */
  private static void quietLogging(Path file) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    try {
      Files.createDirectories(file.getParent());
      FileHandler handler = new FileHandler(file.toString(), false);
      handler.setFormatter(new SimpleFormatter());
      root.addHandler(handler);
      root.setLevel(Level.INFO);
    } catch (IOException e) {
      root.setLevel(Level.OFF);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // an old log is appended to
    }
  }
}
