package dev.ramp.e2e.harness;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The controller as it ships, {@code java -jar controller/target/ramp-controller.jar}, run as a process
 * of its own against a kubeconfig: started, stopped (SIGTERM, as Kubernetes stops a pod), killed
 * (SIGKILL, as a node dies) and started again. Every run appends its output to one log file.
 */
public final class ControllerProcess implements AutoCloseable {
  /** What the controller logs once it holds the Lease and acts. */
  private static final List<String> LEADING = List.of("Leading: this replica", "Leader election is disabled");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final Path jar;
  private final Path kubeconfig;
  private final Path log;
  private final List<String> jvmOptions;
  private Process process;
  private int runs;

  /**
   * @param jvmOptions extra JVM options ({@code -Dramp.controller...=} settings, heap); the jar and its
   *     configuration are used as they ship
   */
  public ControllerProcess(Path jar, Path kubeconfig, Path log, List<String> jvmOptions) {
    this.jar = jar;
    this.kubeconfig = kubeconfig;
    this.log = log;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** Starts the controller and waits until it leads (it holds the Lease and acts). */
  public synchronized void start() {
    if (running()) {
      return;
    }
    runs++;
    long offset = logSize();
    appendToLog("----- ramp-e2e: controller run " + runs + " starts at " + LocalTime.now() + " -----");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    awaitLeading(offset);
  }

  private void awaitLeading(long offset) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String output = logSince(offset);
      if (LEADING.stream().anyMatch(output::contains)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the controller exited with code " + process.exitValue()
            + " while starting; its output:\n" + output);
      }
      Waits.pause(Duration.ofMillis(50));
    }
    throw new IllegalStateException("the controller did not take the lead within " + START_TIMEOUT
        + "; its output:\n" + logSince(offset));
  }

  /** Stops the controller as Kubernetes stops a pod (SIGTERM), waiting until it has exited. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        appendToLog("----- ramp-e2e: the controller did not stop within " + STOP_TIMEOUT + "; killed -----");
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    appendToLog("----- ramp-e2e: controller stopped (exit " + exitCode() + ") at " + LocalTime.now() + " -----");
    process = null;
  }

  /** Kills the controller at once (SIGKILL): no shutdown hook, the Lease not given up. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    appendToLog("----- ramp-e2e: controller killed at " + LocalTime.now() + " -----");
    process = null;
  }

  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** Whether a run that was started has died on its own (not stopped or killed by the harness). */
  public synchronized boolean crashed() {
    return process != null && !process.isAlive();
  }

  private String exitCode() {
    return process != null && !process.isAlive() ? Integer.toString(process.exitValue()) : "?";
  }

  /** The log file every run appends to. */
  public Path log() {
    return log;
  }

  /** The log's size now: a mark to read what was logged after it. */
  public long logSize() {
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** What the controller logged since a mark from {@link #logSize()}. */
  public String logSince(long offset) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      if (offset >= length) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(length - offset, 8L << 20)];
      file.seek(offset);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private void appendToLog(String line) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the controller's log " + log, e);
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
