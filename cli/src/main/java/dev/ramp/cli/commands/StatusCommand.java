package dev.ramp.cli.commands;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import dev.ramp.cli.core.RolloutSnapshot;
import dev.ramp.cli.core.Rollouts;
import dev.ramp.cli.core.StatusVerdict;
import dev.ramp.cli.kube.Cluster;
import dev.ramp.cli.kube.Connection;
import dev.ramp.cli.kube.RolloutClient;
import dev.ramp.cli.render.StatusRenderer;
import dev.ramp.cli.render.StatusView;
import dev.ramp.cli.render.Style;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl ramp status NAME [--watch] [--timeout]}: the rollout's state, once or live until it
 * is Healthy (exit 0) or Degraded/aborted (exit 1), so that a pipeline can wait on it.
 */
@Command(name = "status", description = {
    "Show a rollout: phase, revision, steps, weights, ReplicaSets and the latest analysis values.",
    "With --watch, redraw until it is Healthy (exit 0) or Degraded/aborted (exit 1)."})
final class StatusCommand implements Callable<Integer> {
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Env env;

  @ParentCommand
  RampCommand root;

  @Parameters(paramLabel = "NAME", description = "The rollout")
  String name;

  @Option(names = {"-w", "--watch"}, description = "Keep the view up to date until the rollout is Healthy or Degraded")
  boolean watch;

  @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", converter = DurationConverter.class,
      description = "With --watch: give up after this long (exit 3); 0, the default, waits as long as it takes")
  Duration timeout = Duration.ZERO;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, hidden = true,
      description = "How often --watch reads the rollout (default 1s)")
  Duration interval = Duration.ofSeconds(1);

  StatusCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    Connection connection = root.global().connect(env);
    RolloutClient reader = new RolloutClient(connection.cluster());
    boolean colors = env.terminal().colors(root.global().noColor(), env.variables());
    Style style = env.terminal().style(root.global().noColor(), env.variables());
    StatusView view = read(reader, connection.namespace());
    StatusVerdict verdict = StatusVerdict.of(view.snapshot().rollout());
    if (!watch) {
      env.out().print(StatusRenderer.render(view, style));
      env.out().flush();
      return verdict.exitCode().code();
    }
    LiveScreen screen = new LiveScreen(env.out(), colors, env.terminal().height());
    Instant deadline = timeout.isZero() ? Instant.MAX : env.clock().instant().plus(timeout);
    String summary = StatusRenderer.summary(view);
    screen.frame(frame(view, style, screen));
    while (!verdict.isFinal()) {
      if (!env.clock().instant().isBefore(deadline)) {
        if (!screen.inPlace()) {
          screen.frame("\n" + StatusRenderer.render(view, style));
        }
        env.err().println("timed out after " + dev.ramp.api.value.Durations.formatCompact(timeout) + ": rollout "
            + name + " is " + StatusRenderer.summary(view));
        env.err().flush();
        return ExitCode.NOT_FINISHED.code();
      }
      env.sleeper().sleep(pollWait(view, screen));
      try {
        view = read(reader, connection.namespace());
      } catch (Cluster.NotFoundException e) {
        throw e;
      } catch (CliException e) {
        screen.note(time() + "  cannot read rollout " + name + ": " + e.getMessage() + "; trying again");
        continue;
      }
      verdict = StatusVerdict.of(view.snapshot().rollout());
      if (screen.inPlace()) {
        screen.frame(frame(view, style, screen));
      } else {
        String now = StatusRenderer.summary(view);
        if (!now.equals(summary)) {
          screen.note(time() + "  " + now);
          summary = now;
        }
      }
    }
    if (!screen.inPlace()) {
      screen.frame("\n" + StatusRenderer.render(view, style));
    }
    env.out().println(outcome(view.snapshot().rollout(), verdict));
    env.out().flush();
    return verdict.exitCode().code();
  }

  /**
   * The poll interval, but at most a second while a timed pause counts down on a terminal, so that
   * a person watching sees the time left move. A log gets lines on changes of state only, not a tick.
   */
  private Duration pollWait(StatusView view, LiveScreen screen) {
    return screen.inPlace() && StatusRenderer.changesWithTime(view) && interval.compareTo(TICK) > 0 ? TICK : interval;
  }

  private StatusView read(RolloutClient reader, String namespace) {
    RolloutSnapshot snapshot = reader.snapshot(namespace, name);
    return new StatusView(snapshot, reader.analysisRuns(snapshot.rollout()), env.clock().instant());
  }

  private String frame(StatusView view, Style style, LiveScreen screen) {
    String text = StatusRenderer.render(view, style);
    if (screen.inPlace()) {
      text += "\n" + time() + "  watching" + (timeout.isZero() ? "" : " (gives up after "
          + dev.ramp.api.value.Durations.formatCompact(timeout) + ")") + "; Ctrl-C stops\n";
    }
    return text;
  }

  private String outcome(Rollout rollout, StatusVerdict verdict) {
    String message = rollout.status().message().filter(m -> !m.isBlank()).map(m -> ": " + m).orElse("");
    return switch (verdict) {
      case HEALTHY -> "rollout " + name + " is Healthy";
      case FAILED -> Rollouts.isAborted(rollout) ? "rollout " + name + " was aborted" + message
          : "rollout " + name + " is Degraded" + message;
      case IN_PROGRESS -> "rollout " + name + " is still in progress";
    };
  }

  private String time() {
    return LocalTime.ofInstant(env.clock().instant().truncatedTo(ChronoUnit.SECONDS), ZoneId.systemDefault())
        .format(CLOCK);
  }
}
