package dev.ramp.analysis.condition;

/**
 * Why a condition does not compile, with where: what a template author needs to fix it.
 *
 * @param line 1-based
 * @param column 1-based
 */
public record ConditionProblem(String expression, int line, int column, String message) {

  /** {@code "result[0] >= 'x'" at 1:11: found no matching overload ...}. */
  public String describe() {
    return "\"" + expression + "\" at " + line + ":" + column + ": " + message;
  }
}
