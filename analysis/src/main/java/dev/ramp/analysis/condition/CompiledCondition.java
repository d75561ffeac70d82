package dev.ramp.analysis.condition;

import dev.ramp.analysis.query.ValueFormat;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A condition ready to evaluate; immutable and thread-safe. Made by {@link Conditions}. */
public final class CompiledCondition {

  private final String expression;
  private final Optional<CelRuntime.Program> overList;
  private final Optional<CelRuntime.Program> overSingle;

  CompiledCondition(
      String expression, Optional<CelRuntime.Program> overList, Optional<CelRuntime.Program> overSingle) {
    this.expression = expression;
    this.overList = overList;
    this.overSingle = overSingle;
  }

  public String expression() {
    return expression;
  }

  /**
   * The condition's truth for these values.
   *
   * @throws ConditionEvaluationException when it cannot be evaluated on them
   */
  public boolean test(List<Double> values) {
    Object result;
    CelRuntime.Program program;
    if (values.size() == 1 && overSingle.isPresent()) {
      program = overSingle.get();
      result = values.get(0);
    } else if (overList.isPresent()) {
      program = overList.get();
      result = values;
    } else {
      throw new ConditionEvaluationException("\"" + expression + "\" compares result as one value, but the query returned "
          + values.size() + " values " + ValueFormat.format(values)
          + ": use result[0], or result.all(v, v ...) for every value");
    }
    try {
      Object value = program.eval(Map.of("result", result));
      if (value instanceof Boolean truth) {
        return truth;
      }
      throw new ConditionEvaluationException(
          "\"" + expression + "\" gave " + value + " on " + ValueFormat.format(values) + ", not true or false");
    } catch (CelEvaluationException e) {
      String why = e.getMessage().replaceFirst("^evaluation error( at <input>:\\d+)?: ", "");
      throw new ConditionEvaluationException(
          "\"" + expression + "\" cannot be evaluated on " + ValueFormat.format(values) + ": " + why);
    }
  }

  @Override
  public String toString() {
    return expression;
  }
}
