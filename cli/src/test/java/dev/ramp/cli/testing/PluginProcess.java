package dev.ramp.cli.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plugin as its own process — {@code java -cp <this test's classpath> dev.ramp.cli.Main} —
 * with pipes for stdin/stdout (no terminal), as a CI job runs it: what is checked is the real
 * exit code and the real bytes printed.
 */
public final class PluginProcess {
  private PluginProcess() {}

  public static RampSandbox.Result run(Path kubeconfig, String... args) {
    return run(Map.of("KUBECONFIG", kubeconfig.toString()), args);
  }

  public static RampSandbox.Result run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "dev.ramp.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("HOME", "/nonexistent");
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      var out = process.getInputStream();
      var err = process.getErrorStream();
      StringBuilder errText = new StringBuilder();
      Thread errReader = new Thread(() -> {
        try {
          errText.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          errText.append(e);
        }
      });
      errReader.start();
      String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl-ramp " + String.join(" ", args) + " did not end within 60s");
      }
      errReader.join();
      return new RampSandbox.Result(process.exitValue(), outText, errText.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
