package dev.ramp.analysis.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private final Conditions conditions = new Conditions();

  private boolean test(String expression, Double... values) {
    return conditions.compile(expression).test(List.of(values));
  }

  @Test
  void indexesTheResultList() {
    assertThat(test("result[0] >= 0.95", 0.97)).isTrue();
    assertThat(test("result[0] >= 0.95", 0.90)).isFalse();
    assertThat(test("result[1] < 0.5", 0.9, 0.1)).isTrue();
  }

  @Test
  void aSingleValueCanBeComparedDirectly() {
    assertThat(test("result >= 0.95", 0.97)).isTrue();
    assertThat(test("result >= 0.95", 0.5)).isFalse();
    assertThat(test("result < 1", 0.5)).isTrue();
  }

  @Test
  void comparingSeveralValuesAsOneIsAnEvaluationErrorThatSaysHowToFixIt() {
    assertThatThrownBy(() -> test("result >= 0.95", 0.97, 0.99))
        .isInstanceOf(ConditionEvaluationException.class)
        .hasMessage("\"result >= 0.95\" compares result as one value, but the query returned 2 values [0.97,0.99]:"
            + " use result[0], or result.all(v, v ...) for every value");
  }

  @Test
  void listFunctionsAndMacrosWork() {
    assertThat(test("size(result) == 0")).isTrue();
    assertThat(test("size(result) == 0", 1.0)).isFalse();
    assertThat(test("result.all(v, v > 0.5)", 0.9, 0.8)).isTrue();
    assertThat(test("result.exists(v, v < 0.5)", 0.9, 0.1)).isTrue();
  }

  @Test
  void intsAndDoublesCompare() {
    assertThat(test("result[0] > 0", 0.1)).isTrue();
    assertThat(test("result >= 1", 1.0)).isTrue();
  }

  @Test
  void helpersForTheSpecialValues() {
    assertThat(test("isNaN(result[0])", Double.NaN)).isTrue();
    assertThat(test("isNaN(result[0])", 0.3)).isFalse();
    assertThat(test("isInf(result[0])", Double.POSITIVE_INFINITY)).isTrue();
    assertThat(test("isInf(result)", Double.NEGATIVE_INFINITY)).isTrue();
    assertThat(test("isInf(result[0])", 1.0)).isFalse();
    assertThat(test("default(result[0], 1.0) >= 0.95", Double.NaN)).isTrue();
    assertThat(test("default(result[0], 1.0) >= 0.95", 0.5)).isFalse();
  }

  @Test
  void nanComparesFalseLikeEverywhereElse() {
    assertThat(test("result[0] >= 0.95", Double.NaN)).isFalse();
    assertThat(test("result[0] < 0.95", Double.NaN)).isFalse();
  }

  @Test
  void indexingAnEmptyResultIsAnEvaluationErrorNamingTheExpression() {
    assertThatThrownBy(() -> test("result[0] >= 0.95"))
        .isInstanceOf(ConditionEvaluationException.class)
        .hasMessage("\"result[0] >= 0.95\" cannot be evaluated on []: Index out of bounds: 0");
  }

  @Test
  void aSyntaxErrorSaysWhereAndWhat() {
    ConditionProblem problem = conditions.check("result[0] >=").orElseThrow();
    assertThat(problem.line()).isEqualTo(1);
    assertThat(problem.column()).isEqualTo(13);
    assertThat(problem.message()).startsWith("mismatched input '<EOF>'");
    assertThat(problem.describe()).startsWith("\"result[0] >=\" at 1:13: mismatched input");
  }

  @Test
  void aTypeErrorSaysWhatIsWrongWithoutTheCandidateList() {
    assertThat(conditions.check("result[0] >= 'x'").orElseThrow()).isEqualTo(new ConditionProblem(
        "result[0] >= 'x'", 1, 11, "found no matching overload for '_>=_' applied to '(double, string)'"));
    assertThat(conditions.check("result >= 'x'").orElseThrow().message())
        .isEqualTo("found no matching overload for '_>=_' applied to '(double, string)'");
  }

  @Test
  void mixedArithmeticGetsAHint() {
    assertThat(conditions.check("result[0] * 100 >= 95").orElseThrow().message())
        .isEqualTo("found no matching overload for '_*_' applied to '(double, int)';"
            + " write numbers with a decimal point (100.0): CEL does not mix int and double in arithmetic");
  }

  @Test
  void anUnknownNameIsReported() {
    assertThat(conditions.check("reslt[0] > 1").orElseThrow())
        .isEqualTo(new ConditionProblem("reslt[0] > 1", 1, 1, "undeclared reference to 'reslt'"));
  }

  @Test
  void aConditionMustBeBoolean() {
    assertThat(conditions.check("result[0] + 1.0").orElseThrow().message())
        .isEqualTo("a condition must be true or false, this one gives a double");
  }

  @Test
  void anEmptyConditionIsReported() {
    assertThat(conditions.check("  ").orElseThrow().message()).isEqualTo("the condition is empty");
  }

  @Test
  void compilingAnInvalidConditionThrowsWithTheProblem() {
    assertThatThrownBy(() -> conditions.compile("result[0] >"))
        .isInstanceOfSatisfying(InvalidConditionException.class,
            e -> assertThat(e.problem().expression()).isEqualTo("result[0] >"));
  }

  @Test
  void compilesOnceAndCaches() {
    assertThat(conditions.compile("result[0] >= 0.95")).isSameAs(conditions.compile("result[0] >= 0.95"));
    assertThat(conditions.check("result[0] >= 0.95")).isEmpty();
  }
}
