package dev.ramp.analysis.prometheus;

import java.util.Optional;

/**
 * Why a Prometheus query gave no usable answer. The subtype decides what happens next: only
 * {@link Unreachable} and {@link ServerError} are worth another attempt, and only failures that say
 * something about the server's health count towards opening its circuit breaker. The message is what
 * a person reads in the measurement, so it never carries a stack trace.
 */
public abstract sealed class PrometheusFailure extends RuntimeException {

  private final boolean retryable;
  private final boolean serverAtFault;

  private PrometheusFailure(String message, boolean retryable, boolean serverAtFault) {
    super(message, null, false, false);
    this.retryable = retryable;
    this.serverAtFault = serverAtFault;
  }

  /** Whether another attempt could get a different answer. */
  public boolean retryable() {
    return retryable;
  }

  /** Whether this failure says something about the health of the Prometheus server (for the circuit breaker). */
  public boolean serverAtFault() {
    return serverAtFault;
  }

  /** The connection failed: refused, reset, DNS, TLS. */
  public static final class Unreachable extends PrometheusFailure {
    public Unreachable(String message) {
      super(message, true, true);
    }
  }

  /** An HTTP 5xx answer. */
  public static final class ServerError extends PrometheusFailure {
    public ServerError(String message) {
      super(message, true, true);
    }
  }

  /** A 4xx answer: the query or the credentials are wrong, and asking again will not change that. */
  public static final class Rejected extends PrometheusFailure {
    private final Optional<String> errorType;

    public Rejected(String message, Optional<String> errorType) {
      super(message, false, false);
      this.errorType = errorType;
    }

    /** Prometheus' {@code errorType} (such as {@code bad_data}) when the answer carried one. */
    public Optional<String> errorType() {
      return errorType;
    }
  }

  /** An answer that is not a Prometheus query response (malformed JSON, missing fields, non-numbers). */
  public static final class BadAnswer extends PrometheusFailure {
    public BadAnswer(String message) {
      super(message, false, true);
    }
  }

  /** No answer within the metric's timeout, retries included. */
  public static final class TimedOut extends PrometheusFailure {
    public TimedOut(String message) {
      super(message, false, true);
    }
  }

  /** The query cannot be sent as specified (a bad address, a header the HTTP client refuses). */
  public static final class Invalid extends PrometheusFailure {
    public Invalid(String message) {
      super(message, false, false);
    }
  }
}
