package dev.ramp.cli.kube;

import java.time.Duration;

/** Waits between polls; tests pass one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
