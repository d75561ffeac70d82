package dev.ramp.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.e2e.harness.Repo;
import dev.ramp.e2e.harness.RolloutView;
import dev.ramp.e2e.harness.Scenario;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The playground: the demo's set-up (sandbox, controller jar, the Istio example Rollout Healthy) left
 * running for a person to drive with {@code kubectl ramp}. It writes the sandbox's kubeconfig to
 * {@code e2e/scenarios/target/playground.kubeconfig} (or {@code DIR/playground.kubeconfig} with
 * {@code --dir DIR}), prints the lines to paste into another terminal, then the Rollout's progress and
 * Events as they happen, until SIGINT or SIGTERM stops the controller and the sandbox.
 */
public final class Playground {
  /**
   * The example's 2-minute pauses, shortened: long enough to read {@code status --watch} and to abort in
   * the middle of a timed pause, short enough that a change reaches the pause that waits for a person in
   * under a minute.
   */
  static final String PAUSE = "20s";
  static final String KUBECONFIG_FILE = "playground.kubeconfig";
  private static final String NEXT_IMAGE = "ghcr.io/ramp-dev/demo-app:1.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final PrintStream out;
  private final Path dir;
  private final ProgressPrinter progress;
  private final Object lock = new Object();
  /** Counted down once the start has returned or failed: from then on, {@link #setup} is final. */
  private final CountDownLatch startEnded = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private DemoSetup setup;
  private boolean stopping;

  private Playground(PrintStream out, Path dir) {
    this.out = out;
    this.dir = dir;
    this.progress = ProgressPrinter.timeOfDay(out);
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir;
    if (args.length == 0) {
      dir = Repo.target();
    } else if (args.length == 2 && args[0].equals("--dir")) {
      dir = Path.of(args[1]).toAbsolutePath();
    } else {
      out.println("usage: Playground [--dir DIR]   (files go to DIR, by default e2e/scenarios/target)");
      System.exit(2);
      return;
    }
    new Playground(out, dir).run();
  }

  private void run() {
    Thread hook = new Thread(this::stop, "playground-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Optional<DemoSetup> running = start();
      if (running.isEmpty()) {
        return; // stopped while starting: the shutdown hook says so
      }
      DemoSetup started = running.get();
      Scenario playground = started.scenario();
      instructions(playground.now().rollout(DemoSetup.ROLLOUT), started.environment().kubeconfig());
      progress.skipTo(playground.now());
      playground.timeline().onChange(progress::show);
      // runs until the shutdown hook ends the JVM; a controller that dies on its own ends it too
      while (!started.environment().controller().crashed()) {
        if (awaitQuietly(stopped, Duration.ofSeconds(1))) {
          return;
        }
      }
      if (!isStopping()) {
        fail("the controller exited on its own; the end of its log is in " + DemoSetup.shown(started.controllerLog()),
            hook);
      }
    } catch (RuntimeException | AssertionError e) {
      if (!isStopping()) {
        fail(e.getMessage(), hook);
      }
    }
  }

  /** The set-up, Healthy; empty when a signal came while the controller was starting. */
  private Optional<DemoSetup> start() {
    out.println("Ramp playground: the demo's canary behind an Istio VirtualService, in a sandbox Kubernetes API,");
    out.println("left running for you to drive with kubectl ramp");
    out.println();
    DemoSetup started;
    try {
      started = DemoSetup.start(out, "playground", dir, dir.resolve(KUBECONFIG_FILE));
    } finally {
      startEnded.countDown();
    }
    synchronized (lock) {
      setup = started;
      if (stopping) {
        return Optional.empty();
      }
    }
    started.applyExample(PAUSE, out);
    started.scenario().awaitHealthy(DemoSetup.ROLLOUT, READY_TIMEOUT);
    // its Event follows the status that says Healthy: wait for it, so that it is not the first line below
    started.scenario().awaitEvent(DemoSetup.ROLLOUT, "RolloutCompleted", READY_TIMEOUT);
    return Optional.of(started);
  }

  private void instructions(RolloutView rollout, Path kubeconfig) {
    String image = rollout.object().at("/spec/template/spec/containers/0/image").asText();
    Path cli = Repo.root().resolve("cli/target");
    out.printf("Rollout %s is Healthy in namespace %s: %d pods of %s.%n", rollout.name(), DemoSetup.NAMESPACE,
        rollout.replicas(), image);
    out.println("Its steps: " + steps(rollout) + ".");
    out.println();
    out.println("In another terminal:");
    out.println();
    out.println("  export KUBECONFIG=" + shellWord(kubeconfig.toString()));
    out.println("  export PATH=" + shellWord(cli.toString()) + ":$PATH");
    out.println("  kubectl-ramp status demo");
    out.println("  kubectl-ramp set image demo demo=" + NEXT_IMAGE);
    out.println("  kubectl-ramp status demo --watch     # follows the steps; Ctrl-C leaves it");
    out.println("  kubectl-ramp promote demo            # past the last pause, which waits for you");
    out.println("  kubectl-ramp abort demo              # and kubectl-ramp retry demo");
    out.println("  kubectl-ramp undo demo");
    out.println("  kubectl-ramp list");
    out.println();
    if (!Files.isExecutable(cli.resolve("kubectl-ramp"))) {
      out.println("cli/target/kubectl-ramp is not built yet: ./mvnw -B -DskipTests package (or -pl cli -am) builds it.");
    }
    if (onPath("kubectl")) {
      out.println("kubectl is installed: `kubectl ramp status demo` runs the same plugin as `kubectl-ramp status demo`.");
    } else {
      out.println("kubectl-ramp is the plugin itself: no kubectl needed (with kubectl installed, `kubectl ramp ...` runs it).");
    }
    out.println("Below, as they happen: the Rollout's phase, step, canary weight and pods, and its Events.");
    out.println("Ctrl-C stops the playground.");
    out.println();
  }

  /** The Rollout's steps in a few words: {@code 5%, pause 20s, ..., pause until promoted}. */
  static String steps(RolloutView rollout) {
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < rollout.stepCount(); i++) {
      JsonNode step = rollout.step(i);
      if (step.has("setWeight")) {
        steps.add(step.path("setWeight").asInt() + "%");
      } else if (step.path("pause").isObject()) {
        JsonNode duration = step.path("pause").path("duration");
        steps.add(duration.isMissingNode() ? "pause until promoted" : "pause " + duration.asText());
      } else {
        steps.add(step.fieldNames().hasNext() ? step.fieldNames().next() : "?");
      }
    }
    return String.join(", ", steps);
  }

  /**
   * The shutdown hook (SIGINT, SIGTERM): stops the controller (SIGTERM, waiting for it) and the sandbox.
   * While the controller is still starting, this JVM's own child processes (the controller is its only
   * one) are ended so that the start gives up at once rather than leave the controller running.
   */
  private void stop() {
    synchronized (lock) {
      stopping = true;
    }
    progress.finish();
    out.println();
    out.println("Stopping the controller and the sandbox...");
    Instant deadline = Instant.now().plus(STOP_TIMEOUT);
    while (!awaitQuietly(startEnded, Duration.ofMillis(200)) && Instant.now().isBefore(deadline)) {
      ProcessHandle.current().children().forEach(ProcessHandle::destroy);
    }
    DemoSetup started;
    synchronized (lock) {
      started = setup;
    }
    try {
      if (started != null) {
        started.close();
      }
      out.println("Stopped.");
    } catch (RuntimeException e) {
      out.println("Stopped, not cleanly: " + e.getMessage());
    } finally {
      stopped.countDown();
    }
  }

  private boolean isStopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  /** Says why, stops what was started, and exits 1 (exec:java runs in Maven's JVM: no stack trace). */
  private void fail(String why, Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      return; // already stopping: the hook says what happens
    }
    DemoSetup started;
    synchronized (lock) {
      started = setup;
    }
    if (started != null) {
      started.close();
    }
    out.println();
    out.println("The playground failed: " + why);
    out.println("The controller's log: " + DemoSetup.shown(dir.resolve("playground-controller.log")));
    System.exit(1);
  }

  private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static boolean onPath(String command) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }

  /** A path as one word of a shell command line: quoted only when it has to be. */
  static String shellWord(String text) {
    return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
