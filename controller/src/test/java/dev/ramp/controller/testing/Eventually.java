package dev.ramp.controller.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits, boundedly, for the controller and the sandbox to get somewhere (integration tests only). */
public final class Eventually {
  private Eventually() {}

  public static void await(String what, Callable<Boolean> condition) {
    await(what, Duration.ofSeconds(20), condition, () -> "");
  }

  public static void await(String what, Callable<Boolean> condition, Supplier<String> state) {
    await(what, Duration.ofSeconds(20), condition, state);
  }

  /**
   * Polls until the condition holds.
   *
   * @param state what to print about the world when it times out
   */
  public static void await(String what, Duration timeout, Callable<Boolean> condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        AssertionError error = new AssertionError("timed out after " + timeout + " waiting until " + what
            + "\n" + state.get());
        if (last != null) {
          error.addSuppressed(last);
        }
        throw error;
      }
      LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
    }
  }
}
