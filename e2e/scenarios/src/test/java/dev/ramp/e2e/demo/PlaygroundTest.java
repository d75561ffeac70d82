package dev.ramp.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ramp.e2e.harness.Repo;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground as a person uses it: started as a process of its own, it prints where its kubeconfig
 * is; the plugin, run as a process with that kubeconfig, shows the example Rollout; SIGTERM stops the
 * playground and the controller it started, without a stack trace.
 */
class PlaygroundTest {
  private static final Pattern KUBECONFIG = Pattern.compile("^\\s*export KUBECONFIG=(\\S+)$", Pattern.MULTILINE);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  @Test
  void thePluginShowsThePlaygroundsRolloutAndSigtermStopsIt(@TempDir Path dir) throws Exception {
    Optional<List<String>> plugin = plugin();
    assumeTrue(plugin.isPresent(), "the plugin is not built (no cli/target/kubectl-ramp, nor cli/target/classes"
        + " and cli/target/lib): build it with `./mvnw -B -o -pl cli -am -DskipTests package`, or run a reactor"
        + " `./mvnw verify`, which packages it before this module");

    Process playground = new ProcessBuilder(java(), "-Dramp.repo=" + Repo.root(), "-cp",
        System.getProperty("java.class.path"), Playground.class.getName(), "--dir", dir.toString())
        .redirectErrorStream(true).start();
    Output output = Output.of(playground);
    try {
      assertThat(output.awaitLine("Ctrl-C stops the playground.", START_TIMEOUT))
          .as("the playground's instructions; it printed:%n%s", output).isTrue();
      Matcher exported = KUBECONFIG.matcher(output.text());
      assertThat(exported.find()).as("an `export KUBECONFIG=` line in:%n%s", output).isTrue();
      Path kubeconfig = Path.of(exported.group(1));
      assertThat(kubeconfig).isEqualTo(dir.resolve("playground.kubeconfig")).isRegularFile();
      assertThat(output.text()).contains("export PATH=" + Repo.root().resolve("cli/target") + ":$PATH",
          "kubectl-ramp status demo");

      List<String> status = new ArrayList<>(plugin.get());
      status.addAll(List.of("status", "demo"));
      ProcessBuilder builder = new ProcessBuilder(status).redirectErrorStream(true);
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process run = builder.start();
      Output shown = Output.of(run);
      assertThat(run.waitFor(PLUGIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("`kubectl-ramp status demo` ends").isTrue();
      shown.drained();
      assertThat(run.exitValue()).as("exit code of `kubectl-ramp status demo`, which printed:%n%s", shown).isZero();
      assertThat(shown.text()).contains("demo", "Healthy", "ghcr.io/ramp-dev/demo-app:1.0");
    } finally {
      List<ProcessHandle> children = playground.children().toList();
      // SIGTERM through the handle: Process.destroy() would also close the pipe the goodbye comes through
      playground.toHandle().destroy();
      boolean stopped = playground.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!stopped) {
        playground.descendants().forEach(ProcessHandle::destroyForcibly);
        playground.destroyForcibly();
      }
      output.drained();
      assertThat(stopped).as("the playground stops on SIGTERM; it printed:%n%s", output).isTrue();
      assertThat(children).as("the controller the playground started").isNotEmpty().noneMatch(ProcessHandle::isAlive);
      assertThat(output.text()).contains("Stopping the controller and the sandbox...", "Stopped.")
          .doesNotContain("Exception", "\tat ");
    }
  }

  /** The plugin as a command line: its launcher when built, else java with its classes and libraries. */
  private static Optional<List<String>> plugin() {
    Path cli = Repo.root().resolve("cli/target");
    if (Files.isExecutable(cli.resolve("kubectl-ramp")) && Files.isRegularFile(cli.resolve("ramp-cli.jar"))) {
      return Optional.of(List.of(cli.resolve("kubectl-ramp").toString()));
    }
    if (Files.isDirectory(cli.resolve("classes/dev/ramp/cli")) && Files.isDirectory(cli.resolve("lib"))) {
      return Optional.of(List.of(java(), "-cp", cli.resolve("classes") + File.pathSeparator + cli.resolve("lib") + "/*",
          "dev.ramp.cli.Main"));
    }
    return Optional.empty();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A process's output, read on a thread of its own as it comes. */
  private static final class Output {
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    private Output(Process process) {
      reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            synchronized (this) {
              text.append(line).append('\n');
              notifyAll();
            }
          }
        } catch (IOException e) {
          // the process is gone: what it printed is kept
        }
      }, "output of " + process.pid());
      reader.setDaemon(true);
      reader.start();
    }

    static Output of(Process process) {
      return new Output(process);
    }

    /** Whether a line equal to {@code line} (trimmed) has been printed within the timeout. */
    synchronized boolean awaitLine(String line, Duration timeout) throws InterruptedException {
      Instant deadline = Instant.now().plus(timeout);
      while (text().lines().noneMatch(l -> l.trim().equals(line))) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0 || !reader.isAlive()) {
          return false;
        }
        wait(Math.min(left, 500));
      }
      return true;
    }

    /** Waits (briefly) until the process's output has been read to its end. */
    void drained() throws InterruptedException {
      reader.join(5_000);
    }

    synchronized String text() {
      return text.toString();
    }

    @Override
    public String toString() {
      return text();
    }
  }
}
