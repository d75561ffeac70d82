package dev.ramp.sandbox.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Prometheus server for tests: started on a free loopback port with a generated configuration
 * (scrape and evaluation interval 1 s, the caller's targets, storage in a temporary folder), ready when
 * {@link #start} returns, stopped and its folder deleted on {@link #close}.
 *
 * <p>The binary is {@code PROMETHEUS_BIN} if set, else {@code prometheus} on {@code PATH}, else where
 * {@code .ci/install-prometheus} unpacks Debian's package
 * ({@code ${RAMP_CACHE:-~/.cache/ramp}/prometheus/usr/bin/prometheus}).
 */
public final class PrometheusServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path home;
  private final URI url;

  private PrometheusServer(Process process, Path home, URI url) {
    this.process = process;
    this.home = home;
    this.url = url;
  }

  /**
   * Starts Prometheus scraping these targets ({@code host:port}, path {@code /metrics}) every second.
   *
   * @throws IllegalStateException when no binary is found (saying how to install one) or it does not
   *     become ready in time (with the end of its log)
   */
  public static PrometheusServer start(List<String> targets) {
    Path binary = findBinary();
    Path home;
    try {
      home = Files.createTempDirectory("ramp-prometheus-");
      Files.writeString(home.resolve("prometheus.yml"), config(targets));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a folder for Prometheus", e);
    }
    int port = freePort();
    Path log = home.resolve("prometheus.log");
    Process process;
    try {
      process = new ProcessBuilder(
              binary.toString(),
              "--config.file=" + home.resolve("prometheus.yml"),
              "--storage.tsdb.path=" + home.resolve("data"),
              "--web.listen-address=127.0.0.1:" + port,
              "--web.enable-lifecycle",
              "--storage.tsdb.retention.time=1h")
          .directory(home.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      deleteQuietly(home);
      throw new IllegalStateException("cannot run Prometheus at " + binary + ": " + e.getMessage(), e);
    }
    PrometheusServer server = new PrometheusServer(process, home, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitReady();
    } catch (RuntimeException e) {
      String tail = server.logTail();
      server.close();
      throw new IllegalStateException(e.getMessage() + "\n--- Prometheus log ---\n" + tail, e);
    }
    return server;
  }

  /** Where Prometheus answers, {@code http://127.0.0.1:PORT}: the address a metric's provider names. */
  public URI url() {
    return url;
  }

  /** The server's temporary folder (configuration, storage, log); gone after {@link #close}. */
  public Path home() {
    return home;
  }

  /** Scrapes these targets from now on instead (a configuration reload, as an operator would do). */
  public void targets(List<String> targets) {
    try {
      Files.writeString(home.resolve("prometheus.yml"), config(targets));
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(url.resolve("/-/reload")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Prometheus refused the new targets: " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Waits until every configured target has been scraped successfully at least once.
   *
   * @throws IllegalStateException naming the targets that are not up after the timeout
   */
  public void awaitTargetsUp(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      last = get("/api/v1/targets?state=active").orElse("");
      if (last.contains("\"health\":\"up\"") && !last.contains("\"health\":\"down\"")
          && !last.contains("\"health\":\"unknown\"")) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("Prometheus targets not up after " + timeout + ": " + last);
  }

  /** The path of the Prometheus binary the tests would use. */
  public static Path findBinary() {
    return findBinary(System::getenv, System.getProperty("user.home"));
  }

  static Path findBinary(java.util.function.UnaryOperator<String> environment, String userHome) {
    String fromEnv = environment.apply("PROMETHEUS_BIN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path path = Path.of(fromEnv);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw new IllegalStateException("PROMETHEUS_BIN=" + fromEnv + " is not an executable file");
    }
    String pathVariable = Optional.ofNullable(environment.apply("PATH")).orElse("");
    for (String folder : pathVariable.split(java.io.File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "prometheus"))) {
        return Path.of(folder, "prometheus");
      }
    }
    String cache = environment.apply("RAMP_CACHE");
    Path cacheFolder = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(userHome, ".cache", "ramp");
    Path installed = cacheFolder.resolve("prometheus/usr/bin/prometheus");
    if (Files.isExecutable(installed)) {
      return installed;
    }
    throw new IllegalStateException("No Prometheus binary found: run .ci/install-prometheus (it unpacks Debian's"
        + " prometheus package so that " + installed + " exists), or put prometheus on PATH,"
        + " or set PROMETHEUS_BIN to its path");
  }

  static String config(List<String> targets) {
    String list = targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ", "[", "]"));
    return """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: workload
            static_configs:
              - targets: %s
        """.formatted(list);
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prometheus exited with code " + process.exitValue() + " while starting");
      }
      if (get("/-/ready").isPresent()) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("Prometheus was not ready within " + START_TIMEOUT);
  }

  private Optional<String> get(String path) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(home.resolve("prometheus.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteQuietly(home);
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a leftover temporary folder is not worth failing a test for
    }
  }
}
