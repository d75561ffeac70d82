package dev.ramp.sandbox.contract.harness;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded waiting on a condition the server reaches in its own time (garbage collection, namespace
 * deletion, controllers). Tests assert the condition, never how long it took.
 */
public final class Poll {
  private static final Duration STEP = Duration.ofMillis(50);

  private Poll() {}

  /**
   * Probes until {@code done} holds or {@code max} has passed and returns the last probe's value, so the
   * caller asserts on it and a timeout fails with what was last seen.
   */
  public static <T> T until(Duration max, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + max.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      pause(STEP);
      value = probe.get();
    }
    return value;
  }

  /**
   * Probes for the whole of {@code period} and returns the first value for which {@code holds} fails, or
   * the last value when it held throughout: for "nothing else happens" checks.
   */
  public static <T> T throughout(Duration period, Supplier<T> probe, Predicate<T> holds) {
    long deadline = System.nanoTime() + period.toNanos();
    T value = probe.get();
    while (holds.test(value) && System.nanoTime() < deadline) {
      pause(STEP);
      value = probe.get();
    }
    return value;
  }

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
