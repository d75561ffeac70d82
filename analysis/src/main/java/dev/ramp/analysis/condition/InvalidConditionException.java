package dev.ramp.analysis.condition;

/** A condition that does not compile; {@link #problem()} says where and why. */
public final class InvalidConditionException extends RuntimeException {
  private final ConditionProblem problem;

  public InvalidConditionException(ConditionProblem problem) {
    super(problem.describe(), null, false, false);
    this.problem = problem;
  }

  public ConditionProblem problem() {
    return problem;
  }
}
