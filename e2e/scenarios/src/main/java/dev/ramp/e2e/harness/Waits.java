package dev.ramp.e2e.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded polling for what has no watch (a process's output, an HTTP endpoint). */
public final class Waits {
  private Waits() {}

  /**
   * Asks the probe until it answers, at most for {@code timeout}.
   *
   * @throws AssertionError saying what did not happen and what was last seen
   */
  public static <T> T until(String what, Duration timeout, Duration every, Supplier<Optional<T>> probe,
      Supplier<String> lastSeen) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<T> answer = probe.get();
      if (answer.isPresent()) {
        return answer.get();
      }
      if (!Instant.now().isBefore(deadline)) {
        throw new AssertionError(what + " did not happen within " + timeout.toMillis() + " ms; last seen: "
            + lastSeen.get());
      }
      pause(every);
    }
  }

  /** One poll interval of a bounded loop. */
  static void pause(Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
