package dev.ramp.cli.testing;

import dev.ramp.cli.kube.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only the plugin's own sleeps move forward, so that waits take no wall-clock time. */
public final class FakeTime extends Clock {
  private final List<Duration> sleeps = new ArrayList<>();
  private Instant now;

  public FakeTime(Instant start) {
    this.now = start;
  }

  public FakeTime() {
    this(Instant.parse("2026-03-01T10:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneOffset getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** Moves the clock on by each wait it is asked for, and records the wait. */
  public Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      now = now.plus(d);
    };
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
