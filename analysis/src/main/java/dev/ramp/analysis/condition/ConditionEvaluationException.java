package dev.ramp.analysis.condition;

/**
 * A valid condition that could not be evaluated on these values (an index past the end of an empty
 * result, {@code result >= 0.95} with several values). The message names the expression and the values.
 */
public final class ConditionEvaluationException extends RuntimeException {
  public ConditionEvaluationException(String message) {
    super(message, null, false, false);
  }
}
