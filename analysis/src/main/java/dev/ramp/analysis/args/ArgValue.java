package dev.ramp.analysis.args;

import java.util.Objects;

/**
 * One arg of a run as the controller resolved it: a value, or the reason it has none ("Secret
 * default/prometheus not found"), so that a metric that needs it can say why it cannot be measured.
 */
public sealed interface ArgValue {

  static ArgValue of(String value) {
    return new Resolved(value);
  }

  static ArgValue unresolved(String reason) {
    return new Unresolved(reason);
  }

  /** The arg's value, to substitute as is. */
  record Resolved(String value) implements ArgValue {
    public Resolved {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The arg has no value; {@code reason} says why, in a sentence a person can act on. */
  record Unresolved(String reason) implements ArgValue {
    public Unresolved {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("an unresolved arg needs the reason it has no value");
      }
    }
  }
}
