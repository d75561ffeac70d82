package dev.ramp.e2e.demo;

import dev.ramp.e2e.harness.EventView;
import dev.ramp.e2e.harness.ReplicaSetView;
import dev.ramp.e2e.harness.RolloutView;
import dev.ramp.e2e.harness.World;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints the example Rollout's progress as a person would want to follow it: a line whenever its phase,
 * step, canary weight or ready pods change, and each of its Events once. Lines start with the seconds
 * since {@link #restartClock()} (the demo, which is short) or with the time of day (the playground, which
 * runs as long as a person drives it).
 */
final class ProgressPrinter {
  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private final boolean timeOfDay;
  private final Set<String> eventsShown = new HashSet<>();
  private Instant start = Instant.now();
  private String lastLine = "";
  private long lastVersion;
  private boolean finished;

  private ProgressPrinter(PrintStream out, boolean timeOfDay) {
    this.out = out;
    this.timeOfDay = timeOfDay;
  }

  /** Lines stamped with the seconds since the clock was (re)started. */
  static ProgressPrinter elapsed(PrintStream out) {
    return new ProgressPrinter(out, false);
  }

  /** Lines stamped with the time of day. */
  static ProgressPrinter timeOfDay(PrintStream out) {
    return new ProgressPrinter(out, true);
  }

  synchronized void restartClock() {
    start = Instant.now();
  }

  synchronized double seconds() {
    return Duration.between(start, Instant.now()).toMillis() / 1000.0;
  }

  /**
   * Prints the state when it differs from the last line printed, and each new Event once. A state older
   * than one already shown is skipped: each watch hands its states over on its own thread, so they can
   * arrive out of order, and printing a late one would show the Rollout going back a step.
   */
  synchronized void show(World world) {
    RolloutView rollout = world.rollout(DemoSetup.ROLLOUT);
    if (finished || world.resourceVersion() < lastVersion || !rollout.exists() || rollout.phase().isEmpty()) {
      return;
    }
    lastVersion = world.resourceVersion();
    String line = progress(world, rollout);
    if (!line.equals(lastLine)) {
      lastLine = line;
      out.println(stamp() + "  " + line);
    }
    for (EventView event : world.events(DemoSetup.ROLLOUT)) {
      if (eventsShown.add(key(event))) {
        out.printf("%s    event %-17s %s%n", stamp(), event.reason(), event.message());
      }
    }
  }

  /** Remembers what has happened so far without printing it: the next lines are only what comes after. */
  synchronized void skipTo(World world) {
    lastVersion = Math.max(lastVersion, world.resourceVersion());
    RolloutView rollout = world.rollout(DemoSetup.ROLLOUT);
    if (rollout.exists() && !rollout.phase().isEmpty()) {
      lastLine = progress(world, rollout);
    }
    world.events(DemoSetup.ROLLOUT).forEach(e -> eventsShown.add(key(e)));
  }

  /** An Event's occurrence: its name, and its count for a recorder that counts repeats in one Event. */
  private static String key(EventView event) {
    return event.object().at("/metadata/name").asText() + "#" + event.object().path("count").asInt(1);
  }

  /** A line of the program's own, in the same column as the progress. */
  synchronized void say(String text) {
    out.println(stamp() + "  " + text);
  }

  /** No more progress lines: a summary (or the goodbye) follows. */
  synchronized void finish() {
    finished = true;
  }

  private String stamp() {
    return timeOfDay ? LocalTime.now().format(TIME_OF_DAY) : String.format("%6.1fs", seconds());
  }

  private static String progress(World world, RolloutView rollout) {
    int steps = rollout.stepCount();
    int index = rollout.stepIndex();
    String step = index < 0 ? "-" : index >= steps ? "done" : (index + 1) + "/" + steps;
    int weight = world.weight(DemoSetup.VIRTUAL_SERVICE, DemoSetup.ROUTE, DemoSetup.CANARY_SERVICE).orElse(0);
    List<String> revisions = new ArrayList<>();
    for (ReplicaSetView rs : world.replicaSets(DemoSetup.ROLLOUT)) {
      if (rs.desired() > 0 || rs.pods() > 0) {
        String tag = rs.image().substring(rs.image().lastIndexOf('/') + 1);
        revisions.add(tag + " " + rs.ready() + "/" + rs.desired() + " ready");
      }
    }
    String aborted = rollout.aborted() ? " (aborted)" : "";
    return String.format("%-11s step %-5s canary weight %3d%%   pods: %s%s", rollout.phase(), step, weight,
        String.join(", ", revisions), aborted);
  }
}
