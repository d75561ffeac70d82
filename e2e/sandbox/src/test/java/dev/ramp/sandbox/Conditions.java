package dev.ramp.sandbox;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits, boundedly, for something that takes real time in the sandbox (pods becoming ready, the GC). */
final class Conditions {
  private Conditions() {}

  static void await(String what, Callable<Boolean> condition) throws Exception {
    await(what, Duration.ofSeconds(10), condition);
  }

  static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (Boolean.TRUE.equals(condition.call())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
