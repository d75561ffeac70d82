package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.Sandbox;
import dev.ramp.sandbox.StandardCrds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the scenarios run: a Kubernetes API with Ramp's CRDs (and Istio's networking CRDs) installed,
 * and the controller as it ships running against it as a process.
 *
 * <p>By default the API is a {@link Sandbox} started in this JVM, its kubeconfig written to a file for
 * the controller. When {@code KUBECONFIG} is set, the scenarios run against that cluster instead (its
 * current context) and still start the controller's jar as a local process against the same kubeconfig,
 * so that they can stop, kill and start it; no other Ramp controller may run in that cluster meanwhile.
 */
public final class Environment implements AutoCloseable {
  private final Optional<Sandbox> sandbox;
  private final Kube kube;
  private final Path kubeconfig;
  private final Images images;
  private final ControllerProcess controller;

  private Environment(Optional<Sandbox> sandbox, Kube kube, Path kubeconfig, Images images,
      ControllerProcess controller) {
    this.sandbox = sandbox;
    this.kube = kube;
    this.kubeconfig = kubeconfig;
    this.images = images;
    this.controller = controller;
  }

  /** Options for {@link #start}. */
  public record Options(Duration podReadyDelay, Path workDir, Path controllerLog, boolean startController,
      List<String> controllerJvmOptions, boolean useKubeconfigFromEnvironment, Optional<Path> sandboxKubeconfig) {

    /**
     * The scenarios' defaults: pods Ready 300 ms after creation, files under {@code target/e2e}, the
     * controller's output in {@code target/e2e/controller.log}.
     */
    public static Options defaults() {
      Path dir = Repo.target().resolve("e2e");
      return new Options(Duration.ofMillis(300), dir, dir.resolve("controller.log"), true, defaultJvmOptions(), true,
          Optional.empty());
    }

    public Options podReadyDelay(Duration delay) {
      return new Options(delay, workDir, controllerLog, startController, controllerJvmOptions,
          useKubeconfigFromEnvironment, sandboxKubeconfig);
    }

    /** Where the kubeconfig and other files go. */
    public Options workDir(Path dir) {
      return new Options(podReadyDelay, dir, controllerLog, startController, controllerJvmOptions,
          useKubeconfigFromEnvironment, sandboxKubeconfig);
    }

    /** The file the controller's output is appended to. */
    public Options controllerLog(Path file) {
      return new Options(podReadyDelay, workDir, file, startController, controllerJvmOptions,
          useKubeconfigFromEnvironment, sandboxKubeconfig);
    }

    public Options startController(boolean start) {
      return new Options(podReadyDelay, workDir, controllerLog, start, controllerJvmOptions,
          useKubeconfigFromEnvironment, sandboxKubeconfig);
    }

    /** Ignore {@code KUBECONFIG}: always the sandbox (the demo). */
    public Options sandboxOnly() {
      return new Options(podReadyDelay, workDir, controllerLog, startController, controllerJvmOptions, false,
          sandboxKubeconfig);
    }

    /**
     * Where the sandbox's kubeconfig goes (the controller's, and one a person can use), instead of
     * {@code sandbox.kubeconfig} in the work folder.
     */
    public Options sandboxKubeconfig(Path file) {
      return new Options(podReadyDelay, workDir, controllerLog, startController, controllerJvmOptions,
          useKubeconfigFromEnvironment, Optional.of(file));
    }

    /**
     * The controller's own configuration, except the ops port (0: a free one, as several controllers may
     * run on one machine) and JVM flags that make a short-lived process start faster.
     */
    static List<String> defaultJvmOptions() {
      return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dramp.controller.ops.port=0");
    }
  }

  /** The first file {@code KUBECONFIG} names, if it is set. */
  public static Optional<Path> kubeconfigFromEnvironment() {
    String value = System.getenv("KUBECONFIG");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(value.split(java.io.File.pathSeparator)[0]));
  }

  /** Starts (or connects to) the API, installs the CRDs and starts the controller. */
  public static Environment start(Options options) {
    Path workDir = options.workDir();
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + workDir, e);
    }
    Path jar = Repo.controllerJar();
    Optional<Path> external = options.useKubeconfigFromEnvironment() ? kubeconfigFromEnvironment() : Optional.empty();
    Optional<Sandbox> sandbox;
    Kube kube;
    Path kubeconfig;
    Images images;
    if (external.isPresent()) {
      sandbox = Optional.empty();
      kubeconfig = external.get().toAbsolutePath();
      kube = Kube.fromKubeconfig(kubeconfig);
      images = Images.realCluster();
    } else {
      Sandbox started = Sandbox.builder().podReadyDelay(options.podReadyDelay()).start();
      sandbox = Optional.of(started);
      kubeconfig = started.writeKubeconfig(options.sandboxKubeconfig()
          .orElse(workDir.resolve("sandbox.kubeconfig")).toAbsolutePath());
      kube = new Kube(started.apiClient(), started.watchClient());
      images = Images.sandbox();
    }
    ControllerProcess controller = new ControllerProcess(jar, kubeconfig, options.controllerLog(),
        options.controllerJvmOptions());
    Environment environment = new Environment(sandbox, kube, kubeconfig, images, controller);
    try {
      environment.installCrds();
      if (options.startController()) {
        controller.start();
      }
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
    return environment;
  }

  /** Ramp's CRDs, and Istio's networking CRDs unless the cluster has Istio's own ({@link StandardCrds}). */
  private void installCrds() {
    List<String> names = new ArrayList<>();
    for (String yaml : StandardCrds.rampYaml()) {
      for (ObjectNode crd : Manifest.parse(yaml)) {
        kube.apply(crd, "");
        names.add(crd.at("/metadata/name").asText());
      }
    }
    for (ObjectNode crd : Manifest.parse(StandardCrds.istioYaml())) {
      String name = crd.at("/metadata/name").asText();
      if (kube.get(Kind.CRD, "", name).isEmpty()) {
        kube.apply(crd, "");
      }
      names.add(name);
    }
    for (String name : names) {
      Waits.until("CRD " + name + " established", Duration.ofSeconds(30), Duration.ofMillis(100),
          () -> kube.get(Kind.CRD, "", name).filter(Environment::established), () -> name + " not established");
    }
  }

  private static boolean established(JsonNode crd) {
    for (JsonNode condition : crd.at("/status/conditions")) {
      if (condition.path("type").asText().equals("Established") && condition.path("status").asText().equals("True")) {
        return true;
      }
    }
    return false;
  }

  public Kube kube() {
    return kube;
  }

  public ControllerProcess controller() {
    return controller;
  }

  public Images images() {
    return images;
  }

  /** The kubeconfig the controller uses. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The sandbox, when the scenarios run in one. */
  public Optional<Sandbox> sandbox() {
    return sandbox;
  }

  public boolean isSandbox() {
    return sandbox.isPresent();
  }

  /**
   * Makes pods of this image never become Ready. In the sandbox the kubelet stand-in is told so; in a
   * real cluster the image must be one that {@link Images} maps to a tag that does not exist.
   */
  public void neverReady(String image) {
    sandbox.ifPresentOrElse(s -> s.kubelet().neverReady(image), () -> {
      if (images.resolve(image).startsWith("registry.k8s.io/pause:3.")) {
        throw new IllegalArgumentException(image + " runs as a real image on a real cluster and becomes ready;"
            + " use a demo-app version without a pause tag (e.g. demo-app:broken)");
      }
    });
  }

  /** Where this environment's API is, for messages. */
  public String describe() {
    return isSandbox() ? "sandbox at " + kube.server() : "cluster at " + kube.server() + " (KUBECONFIG " + kubeconfig + ")";
  }

  @Override
  public void close() {
    controller.close();
    sandbox.ifPresent(Sandbox::close);
  }
}
