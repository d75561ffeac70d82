package dev.ramp.analysis.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.api.analysis.NoDataPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementJudgeTest {

  private static final Instant STARTED = Instant.parse("2025-01-01T12:00:00Z");
  private static final Instant FINISHED = Instant.parse("2025-01-01T12:00:01Z");
  private static final QueryResult EMPTY = QueryResult.of(List.of());
  private static final QueryResult NAN = QueryResult.of(List.of(Double.NaN));

  private final MeasurementJudge judge = new MeasurementJudge(new Conditions());

  private MeasurementOutcome judge(QueryResult result, MetricCriteria criteria) {
    return judge.judge(result, criteria, STARTED, FINISHED);
  }

  private static QueryResult value(double v) {
    return QueryResult.of(List.of(v));
  }

  @ParameterizedTest(name = "success={0} failure={1} on {2} -> {3}")
  @CsvSource(nullValues = "-", value = {
      // only successCondition: false means Failed
      "result[0] >= 0.95, -,                0.97, Successful",
      "result[0] >= 0.95, -,                0.90, Failed",
      // only failureCondition: false means Successful
      "-,                 result[0] < 0.90, 0.97, Successful",
      "-,                 result[0] < 0.90, 0.50, Failed",
      // both: neither true means Inconclusive; a true failureCondition wins
      "result[0] >= 0.95, result[0] < 0.90, 0.97, Successful",
      "result[0] >= 0.95, result[0] < 0.90, 0.50, Failed",
      "result[0] >= 0.95, result[0] < 0.90, 0.92, Inconclusive",
      "result[0] >= 0.50, result[0] < 0.90, 0.60, Failed",
      // neither: any answer is Successful
      "-,                 -,                0.01, Successful",
  })
  void conditionsDecideAsInArgoRollouts(String success, String failure, double value, String phase) {
    MetricCriteria criteria = new MetricCriteria(
        java.util.Optional.ofNullable(success), java.util.Optional.ofNullable(failure), java.util.Optional.empty());

    MeasurementOutcome outcome = judge(value(value), criteria);

    assertThat(outcome.phase()).isEqualTo(phase);
    assertThat(outcome.values()).containsExactly(value);
    assertThat(outcome.startedAt()).isEqualTo(STARTED);
    assertThat(outcome.finishedAt()).isEqualTo(FINISHED);
  }

  @Test
  void messagesSayWhichConditionDecidedOnWhichValue() {
    assertThat(judge(value(0.97), MetricCriteria.success("result[0] >= 0.95")))
        .isEqualTo(new MeasurementOutcome.Successful(List.of(0.97), STARTED, FINISHED,
            "successCondition \"result[0] >= 0.95\" is true for [0.97]"));
    assertThat(judge(value(0.9), MetricCriteria.success("result >= 0.95")).message())
        .isEqualTo("successCondition \"result >= 0.95\" is false for [0.9]");
    assertThat(judge(value(0.2), MetricCriteria.failure("result[0] > 0.1")).message())
        .isEqualTo("failureCondition \"result[0] > 0.1\" is true for [0.2]");
    assertThat(judge(value(0.92), MetricCriteria.both("result[0] >= 0.95", "result[0] < 0.9")).message())
        .isEqualTo("neither successCondition \"result[0] >= 0.95\" nor failureCondition \"result[0] < 0.9\""
            + " is true for [0.92]");
    assertThat(judge(value(0.92), MetricCriteria.none()).message())
        .isEqualTo("no condition given: an answer counts as Successful");
  }

  @Test
  void theValueIsShownAsArgoShowsIt() {
    assertThat(judge(QueryResult.of(List.of(0.97, 1.0)), MetricCriteria.none()).value()).isEqualTo("[0.97,1]");
    assertThat(judge(new QueryResult.Failure("down"), MetricCriteria.none()).value()).isEmpty();
  }

  @Test
  void aFailedQueryIsAnErrorWithItsMessage() {
    assertThat(judge(new QueryResult.Failure("Prometheus at http://p is unreachable: connection refused"),
        MetricCriteria.success("result[0] >= 0.95")))
        .isEqualTo(new MeasurementOutcome.Error(List.of(), STARTED, FINISHED,
            "Prometheus at http://p is unreachable: connection refused"));
  }

  @ParameterizedTest(name = "noData={0} on {1}")
  @CsvSource({
      "FAIL,         EMPTY, Failed,       no data: the query returned an empty vector (noData: fail)",
      "INCONCLUSIVE, EMPTY, Inconclusive, no data: the query returned an empty vector (noData: inconclusive)",
      "PASS,         EMPTY, Successful,   no data: the query returned an empty vector (noData: pass)",
      "FAIL,         NAN,   Failed,       no data: the query returned NaN (noData: fail)",
      "INCONCLUSIVE, NAN,   Inconclusive, no data: the query returned NaN (noData: inconclusive)",
      "PASS,         NAN,   Successful,   no data: the query returned NaN (noData: pass)",
  })
  void theNoDataPolicyDecidesBeforeAnyCondition(NoDataPolicy policy, String kind, String phase, String message) {
    QueryResult result = kind.equals("EMPTY") ? EMPTY : NAN;
    // conditions that would say the opposite, or could not run at all, are not consulted
    MetricCriteria criteria = MetricCriteria.both("result[0] >= 0.95", "size(result) == 0").withNoData(policy);

    MeasurementOutcome outcome = judge(result, criteria);

    assertThat(outcome.phase()).isEqualTo(phase);
    assertThat(outcome.message()).isEqualTo(message);
  }

  @Test
  void withoutAPolicyAConditionThatIndexesAnEmptyResultIsInconclusiveNotAnError() {
    MeasurementOutcome outcome = judge(EMPTY, MetricCriteria.success("result[0] >= 0.95"));

    assertThat(outcome).isInstanceOf(MeasurementOutcome.Inconclusive.class);
    assertThat(outcome.message()).isEqualTo("no data: the query returned an empty vector, and"
        + " \"result[0] >= 0.95\" cannot be evaluated on []: Index out of bounds: 0;"
        + " set noData (Fail, Inconclusive or Pass) to decide such measurements");
  }

  @Test
  void withoutAPolicyConditionsAboutNoDataMeanWhatTheySay() {
    assertThat(judge(EMPTY, MetricCriteria.failure("size(result) == 0")))
        .isEqualTo(new MeasurementOutcome.Failed(List.of(), STARTED, FINISHED,
            "no data: the query returned an empty vector; failureCondition \"size(result) == 0\" is true for []"));
    assertThat(judge(NAN, MetricCriteria.success("isNaN(result[0]) || result[0] >= 0.95")).phase())
        .isEqualTo("Successful");
    assertThat(judge(NAN, MetricCriteria.success("default(result, 1.0) >= 0.95")).phase())
        .isEqualTo("Successful");
  }

  @Test
  void withoutAPolicyNaNComparesFalseAndTheMessageSaysThereWasNoData() {
    MeasurementOutcome outcome = judge(NAN, MetricCriteria.success("result[0] >= 0.95"));
    assertThat(outcome.phase()).isEqualTo("Failed");
    assertThat(outcome.message())
        .isEqualTo("no data: the query returned NaN; successCondition \"result[0] >= 0.95\" is false for [NaN]");
  }

  @Test
  void aConditionThatCannotBeEvaluatedOnRealValuesIsAnError() {
    MeasurementOutcome outcome = judge(QueryResult.of(List.of(0.97, 0.99)), MetricCriteria.success("result >= 0.95"));
    assertThat(outcome).isInstanceOf(MeasurementOutcome.Error.class);
    assertThat(outcome.value()).isEqualTo("[0.97,0.99]");
    assertThat(outcome.message()).startsWith("\"result >= 0.95\" compares result as one value");
  }

  @Test
  void aConditionThatDoesNotCompileIsAnErrorSayingWhere() {
    MeasurementOutcome outcome = judge(value(0.97), MetricCriteria.success("result[0] >="));
    assertThat(outcome).isInstanceOf(MeasurementOutcome.Error.class);
    assertThat(outcome.message()).startsWith("condition does not compile: \"result[0] >=\" at 1:13: ");
    assertThat(judge(EMPTY, MetricCriteria.success("result[0] >=")))
        .isInstanceOf(MeasurementOutcome.Error.class);
  }

  @Test
  void oneNaNAmongValuesIsNotNoData() {
    MeasurementOutcome outcome = judge(QueryResult.of(List.of(Double.NaN, 0.99)),
        MetricCriteria.success("result.all(v, isNaN(v) || v >= 0.95)").withNoData(NoDataPolicy.FAIL));
    assertThat(outcome.phase()).isEqualTo("Successful");
  }
}
