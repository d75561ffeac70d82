package dev.ramp.analysis.measurement;

import dev.ramp.analysis.condition.ConditionEvaluationException;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.condition.InvalidConditionException;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.api.analysis.NoDataPolicy;
import dev.ramp.analysis.query.ValueFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a query gave into a judged measurement, as Argo Rollouts does: only a successCondition,
 * false means Failed; only a failureCondition, false means Successful; both, neither true means
 * Inconclusive (a true failureCondition wins over a true successCondition); none, any answer is
 * Successful. No data comes first and is decided by the metric's {@code noData} policy.
 */
public final class MeasurementJudge {

  private final Conditions conditions;

  public MeasurementJudge(Conditions conditions) {
    this.conditions = conditions;
  }

  public MeasurementOutcome judge(QueryResult result, MetricCriteria criteria, Instant startedAt, Instant finishedAt) {
    Stamp at = new Stamp(startedAt, finishedAt);
    if (result instanceof QueryResult.Failure failure) {
      return at.error(List.of(), failure.message());
    }
    if (result instanceof QueryResult.NoData noData) {
      return judgeNoData(noData, criteria, at);
    }
    List<Double> values = ((QueryResult.Values) result).values();
    try {
      return decide(values, criteria, at, "");
    } catch (InvalidConditionException e) {
      return at.error(values, doesNotCompile(e));
    } catch (ConditionEvaluationException e) {
      return at.error(values, e.getMessage());
    }
  }

  private MeasurementOutcome judgeNoData(QueryResult.NoData noData, MetricCriteria criteria, Stamp at) {
    String why = "no data: " + noData.reason();
    List<Double> values = noData.values();
    if (criteria.noData().isPresent()) {
      NoDataPolicy policy = criteria.noData().get();
      String message = why + " (noData: " + policy.wireName() + ")";
      switch (policy) {
        case FAIL:
          return new MeasurementOutcome.Failed(values, at.started, at.finished, message);
        case INCONCLUSIVE:
          return new MeasurementOutcome.Inconclusive(values, at.started, at.finished, message);
        default:
          return new MeasurementOutcome.Successful(values, at.started, at.finished, message);
      }
    }
    try {
      return decide(values, criteria, at, why + "; ");
    } catch (InvalidConditionException e) {
      return at.error(values, why + "; " + doesNotCompile(e));
    } catch (ConditionEvaluationException e) {
      // The AR#1466 trap: result[0] on an empty vector is missing data, not a broken expression.
      return new MeasurementOutcome.Inconclusive(values, at.started, at.finished,
          why + ", and " + e.getMessage() + "; set noData (Fail, Inconclusive or Pass) to decide such measurements");
    }
  }

  private MeasurementOutcome decide(List<Double> values, MetricCriteria criteria, Stamp at, String prefix) {
    String shown = ValueFormat.format(values);
    Optional<String> success = criteria.successCondition();
    Optional<String> failure = criteria.failureCondition();
    if (success.isEmpty() && failure.isEmpty()) {
      return new MeasurementOutcome.Successful(values, at.started, at.finished,
          prefix + "no condition given: an answer counts as Successful");
    }
    if (failure.isPresent() && test(failure.get(), values)) {
      return new MeasurementOutcome.Failed(values, at.started, at.finished,
          prefix + "failureCondition \"" + failure.get() + "\" is true for " + shown);
    }
    if (success.isEmpty()) {
      return new MeasurementOutcome.Successful(values, at.started, at.finished,
          prefix + "failureCondition \"" + failure.get() + "\" is false for " + shown);
    }
    if (test(success.get(), values)) {
      return new MeasurementOutcome.Successful(values, at.started, at.finished,
          prefix + "successCondition \"" + success.get() + "\" is true for " + shown);
    }
    if (failure.isEmpty()) {
      return new MeasurementOutcome.Failed(values, at.started, at.finished,
          prefix + "successCondition \"" + success.get() + "\" is false for " + shown);
    }
    return new MeasurementOutcome.Inconclusive(values, at.started, at.finished,
        prefix + "neither successCondition \"" + success.get() + "\" nor failureCondition \""
            + failure.get() + "\" is true for " + shown);
  }

  private static String doesNotCompile(InvalidConditionException e) {
    return "condition does not compile: " + e.problem().describe();
  }

  private boolean test(String condition, List<Double> values) {
    return conditions.compile(condition).test(values);
  }

  private record Stamp(Instant started, Instant finished) {
    MeasurementOutcome.Error error(List<Double> values, String message) {
      return new MeasurementOutcome.Error(values, started, finished, message);
    }
  }
}
