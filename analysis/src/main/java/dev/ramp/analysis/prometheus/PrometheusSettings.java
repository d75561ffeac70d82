package dev.ramp.analysis.prometheus;

import java.time.Duration;

/**
 * How hard the provider tries, and when it stops trying an address that keeps failing.
 *
 * @param attempts HTTP attempts per measurement on connection errors and 5xx (1 = no retry)
 * @param firstBackoff wait before the second attempt; each further wait doubles
 * @param breakerWindow how many recent measurements per address the circuit breaker judges
 * @param breakerMinimumCalls measurements needed before the breaker may open
 * @param breakerFailureRate percentage of failed measurements in the window that opens the breaker
 * @param breakerOpenFor how long an open breaker answers at once with an Error before letting one query through
 */
public record PrometheusSettings(
    int attempts,
    Duration firstBackoff,
    int breakerWindow,
    int breakerMinimumCalls,
    float breakerFailureRate,
    Duration breakerOpenFor) {

  public PrometheusSettings {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    if (breakerMinimumCalls < 1 || breakerWindow < breakerMinimumCalls) {
      throw new IllegalArgumentException(
          "need 1 <= breakerMinimumCalls <= breakerWindow, got " + breakerMinimumCalls + " and " + breakerWindow);
    }
  }

  /** Three attempts (0.2 s, 0.4 s apart); the breaker opens when at least half of the last 10 (5 at least) failed, for 30 s. */
  public static PrometheusSettings defaults() {
    return new PrometheusSettings(3, Duration.ofMillis(200), 10, 5, 50f, Duration.ofSeconds(30));
  }

  public PrometheusSettings withAttempts(int attempts, Duration firstBackoff) {
    return new PrometheusSettings(attempts, firstBackoff, breakerWindow, breakerMinimumCalls, breakerFailureRate, breakerOpenFor);
  }

  public PrometheusSettings withBreaker(int window, int minimumCalls, float failureRate, Duration openFor) {
    return new PrometheusSettings(attempts, firstBackoff, window, minimumCalls, failureRate, openFor);
  }
}
