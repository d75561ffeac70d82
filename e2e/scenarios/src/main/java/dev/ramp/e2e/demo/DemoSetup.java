package dev.ramp.e2e.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.e2e.harness.Environment;
import dev.ramp.e2e.harness.Manifest;
import dev.ramp.e2e.harness.Repo;
import dev.ramp.e2e.harness.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the demo and the playground both set up: a sandbox API server in this JVM, the controller's jar
 * as a process against it, and {@code examples/canary-istio-host-split.yaml} applied (its 2-minute pauses
 * shortened) in namespace {@code default}. Its logs go to one folder, named after the program
 * ({@code NAME-controller.log}, {@code NAME-sandbox.log}).
 */
final class DemoSetup implements AutoCloseable {
  static final String EXAMPLE = "examples/canary-istio-host-split.yaml";
  static final String ROLLOUT = "demo";
  static final String VIRTUAL_SERVICE = "demo";
  static final String ROUTE = "primary";
  static final String CANARY_SERVICE = "demo-canary";
  static final String NAMESPACE = "default";
  private static final String EXAMPLE_PAUSE = "{duration: 2m}";

  private final Environment environment;
  private final Scenario scenario;
  private final Path controllerLog;

  private DemoSetup(Environment environment, Scenario scenario, Path controllerLog) {
    this.environment = environment;
    this.scenario = scenario;
    this.controllerLog = controllerLog;
  }

  /**
   * Starts the sandbox and the controller, saying so on {@code out}; the sandbox's own logging goes to
   * {@code NAME-sandbox.log} so that only the program's lines reach the terminal.
   *
   * @param kubeconfig where the sandbox's kubeconfig goes (the controller uses it, and so can a person)
   */
  static DemoSetup start(PrintStream out, String name, Path dir, Path kubeconfig) {
    Instant begin = Instant.now();
    quietLogging(dir.resolve(name + "-sandbox.log"));
    Path controllerLog = dir.resolve(name + "-controller.log");
    deleteQuietly(controllerLog);
    out.println("Starting the sandbox and the controller (java -jar controller/target/ramp-controller.jar)...");
    Environment.Options options = Environment.Options.defaults().sandboxOnly()
        .workDir(dir.resolve(name)).controllerLog(controllerLog).sandboxKubeconfig(kubeconfig);
    Environment environment = Environment.start(options);
    Scenario scenario;
    try {
      scenario = Scenario.openIn(environment, name, NAMESPACE);
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
    out.printf("  ready in %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    out.println("  API server   " + environment.kube().server() + " (kubeconfig " + shown(environment.kubeconfig())
        + ")");
    out.println("  controller   log in " + shown(controllerLog));
    out.println();
    return new DemoSetup(environment, scenario, controllerLog);
  }

  /**
   * Applies the example with its timed pauses shortened to {@code pause} (e.g. {@code 20s}): the Services
   * and the VirtualService first, the Rollout last, so that what it names exists when the controller first
   * looks. Returns at once; {@link Scenario#awaitHealthy} waits for its first revision.
   */
  void applyExample(String pause, PrintStream out) {
    out.println("Applying " + EXAMPLE + " (pauses of 2m shortened to " + pause
        + "), the Services and the VirtualService before the Rollout");
    String text;
    try {
      text = Files.readString(Repo.root().resolve(EXAMPLE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + EXAMPLE + ": " + e.getMessage(), e);
    }
    if (!text.contains(EXAMPLE_PAUSE)) {
      // the example changed: say so rather than run minutes-long pauses
      throw new IllegalStateException(EXAMPLE + " has no `pause: " + EXAMPLE_PAUSE + "` step any more;"
          + " DemoSetup shortens those");
    }
    List<ObjectNode> objects = new ArrayList<>(Manifest.parse(text.replace(EXAMPLE_PAUSE,
        "{duration: " + pause + "}")));
    objects.sort(Comparator.comparing(o -> o.path("kind").asText().equals("Rollout")));
    scenario.applyObjects(objects);
  }

  Environment environment() {
    return environment;
  }

  Scenario scenario() {
    return scenario;
  }

  Path controllerLog() {
    return controllerLog;
  }

  /** A path as a person reads it: relative to the repository when inside it. */
  static String shown(Path path) {
    Path root = Repo.root();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }

  /** Stops watching, stops the controller (SIGTERM, waiting for it to exit) and the sandbox. */
  @Override
  public void close() {
    try {
      scenario.close();
    } finally {
      environment.close();
    }
  }

  /** The sandbox logs through java.util.logging: to a file, so that only the program's lines reach the terminal. */
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
