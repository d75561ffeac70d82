package dev.ramp.analysis.engine;

import dev.ramp.analysis.prometheus.PrometheusAuth;
import java.util.Objects;

/**
 * A metric's Prometheus credentials as the controller read them from the metric's Secret refs: none
 * asked for, read, or asked for but unreadable. An unreadable metric is never queried (without its
 * credentials it would get a 401, or worse an answer from a Prometheus that did not need them); each
 * of its due measurements is an Error naming the reason, until the Secret can be read or
 * consecutiveErrorLimit is exceeded.
 */
public sealed interface MetricCredentials {

  static MetricCredentials none() {
    return None.INSTANCE;
  }

  static MetricCredentials of(PrometheusAuth auth) {
    return new Resolved(auth);
  }

  static MetricCredentials unreadable(String reason) {
    return new Unreadable(reason);
  }

  /** The metric asks for no credentials. */
  enum None implements MetricCredentials {
    INSTANCE
  }

  /** The credentials, read: sent with every query of the metric. */
  record Resolved(PrometheusAuth auth) implements MetricCredentials {
    public Resolved {
      Objects.requireNonNull(auth, "auth");
    }
  }

  /**
   * The metric asks for credentials that could not be read; {@code reason} says why, in a sentence a
   * person can act on ("cannot read the bearer token for Prometheus: Secret default/prom not found").
   */
  record Unreadable(String reason) implements MetricCredentials {
    public Unreadable {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("unreadable credentials need the reason they cannot be read");
      }
    }
  }
}
