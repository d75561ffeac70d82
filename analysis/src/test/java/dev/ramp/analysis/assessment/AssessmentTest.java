package dev.ramp.analysis.assessment;

import static dev.ramp.api.analysis.AnalysisPhase.ERROR;
import static dev.ramp.api.analysis.AnalysisPhase.FAILED;
import static dev.ramp.api.analysis.AnalysisPhase.INCONCLUSIVE;
import static dev.ramp.api.analysis.AnalysisPhase.PENDING;
import static dev.ramp.api.analysis.AnalysisPhase.RUNNING;
import static dev.ramp.api.analysis.AnalysisPhase.SUCCESSFUL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.MetricResult;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssessmentTest {

  private static final Instant START = Instant.parse("2025-01-01T12:00:00Z");

  /** A result after measurements with these phases, one a minute. */
  static MetricResult after(String phases) {
    return after(phases, 10);
  }

  static MetricResult after(String phases, int retention) {
    MetricResult result = MetricResults.pending("m", false);
    Instant at = START;
    for (String letter : phases.split("")) {
      if (letter.isEmpty()) {
        continue;
      }
      AnalysisPhase phase = switch (letter) {
        case "S" -> SUCCESSFUL;
        case "F" -> FAILED;
        case "I" -> INCONCLUSIVE;
        case "E" -> ERROR;
        default -> throw new IllegalArgumentException(letter);
      };
      result = MetricResults.record(result, Measurement.builder(phase).value("[1]")
          .startedAt(at.atOffset(ZoneOffset.UTC)).finishedAt(at.plusSeconds(1).atOffset(ZoneOffset.UTC))
          .message(letter + " measured").build(), retention);
      at = at.plus(Duration.ofMinutes(1));
    }
    return result;
  }

  @Nested
  class MetricVerdicts {

    @ParameterizedTest(name = "{0} with count={1} failureLimit={2} inconclusiveLimit={3} consecutiveErrorLimit={4} -> {5}")
    @CsvSource({
        // measurements, count, failureLimit, inconclusiveLimit, consecutiveErrorLimit, verdict
        "'',      1, 0, 0, 4, PENDING",
        "S,       1, 0, 0, 4, SUCCESSFUL",
        "F,       1, 0, 0, 4, FAILED",
        "I,       1, 0, 0, 4, INCONCLUSIVE",
        "E,       1, 0, 0, 4, RUNNING",
        "EEEE,    1, 0, 0, 4, RUNNING",
        "EEEEE,   1, 0, 0, 4, ERROR",
        "EEEES,   1, 0, 0, 4, SUCCESSFUL",
        "EEEESEEEE, 3, 0, 0, 4, RUNNING",
        "SS,      3, 0, 0, 4, RUNNING",
        "SSS,     3, 0, 0, 4, SUCCESSFUL",
        "SFS,     3, 1, 0, 4, SUCCESSFUL",
        "SFF,     3, 1, 0, 4, FAILED",
        "SIS,     3, 0, 1, 4, SUCCESSFUL",
        "SII,     3, 0, 1, 4, INCONCLUSIVE",
        "SEES,    3, 0, 0, 1, RUNNING",
        "SEEE,    3, 0, 0, 1, ERROR",
        "FEEEEE,  3, 1, 0, 4, ERROR",
        // failures beat errors beat inconclusives when several limits are exceeded at once
        "IFEE,    5, 0, 0, 1, FAILED",
        "IEE,     5, 0, 0, 1, ERROR",
        // AR#4479: count reached within the limits but nothing succeeded: never Successful
        "FFF,     3, 5, 0, 4, FAILED",
        "III,     3, 0, 5, 4, INCONCLUSIVE",
        "FIF,     3, 5, 5, 4, FAILED",
    })
    void followTheLimits(String measured, int count, int failureLimit, int inconclusiveLimit,
        int consecutiveErrorLimit, AnalysisPhase verdict) {
      MetricLimits limits = MetricLimits.defaults().withCount(count).withInterval(Duration.ofMinutes(1))
          .withLimits(failureLimit, inconclusiveLimit, consecutiveErrorLimit);

      assertThat(Assessment.metric(limits, after(measured), false).phase()).isEqualTo(verdict);
    }

    @Test
    void ar4479EveryMeasurementErrorOrFailedIsNeverSuccessful() {
      MetricLimits tolerant = MetricLimits.defaults().withCount(4).withInterval(Duration.ofMinutes(1))
          .withLimits(10, 0, 2);
      for (String measured : List.of("EFEF", "FEFE", "EEFF", "FFFF", "EFEFEFEF", "EEFEEF")) {
        assertThat(Assessment.metric(tolerant, after(measured), false).phase())
            .as(measured).isNotEqualTo(SUCCESSFUL);
        assertThat(Assessment.metric(tolerant, after(measured), true).phase())
            .as(measured + " terminated").isNotEqualTo(SUCCESSFUL);
      }
    }

    @Test
    void withoutCountOrIntervalOneMeasurementDecides() {
      assertThat(Assessment.metric(MetricLimits.defaults(), after("S"), false).phase()).isEqualTo(SUCCESSFUL);
    }

    @Test
    void anIntervalWithoutCountRunsUntilTerminated() {
      MetricLimits background = MetricLimits.defaults().withInterval(Duration.ofMinutes(1));
      assertThat(Assessment.metric(background, after("SSSSSSSSSSSSSSSSSSSS"), false).phase()).isEqualTo(RUNNING);
      assertThat(Assessment.metric(background, after("SSSSSSSSSSSSSSSSSSSS"), true))
          .isEqualTo(new Verdict(SUCCESSFUL, "terminated after 20 measurements: 20 Successful, 0 Failed, 0 Inconclusive, 0 Error"));
      assertThat(Assessment.metric(background, after("SSF"), false).phase()).isEqualTo(FAILED);
    }

    @Test
    void terminatedBeforeAnyMeasurementIsNotSuccessful() {
      MetricLimits background = MetricLimits.defaults().withInterval(Duration.ofMinutes(1));
      assertThat(Assessment.metric(background, after(""), true))
          .isEqualTo(new Verdict(INCONCLUSIVE, "terminated before any measurement"));
      assertThat(Assessment.metric(background, after("EE"), true).phase()).isEqualTo(INCONCLUSIVE);
    }

    @Test
    void messagesSayWhichLimitAndTheLastBadMeasurement() {
      MetricLimits limits = MetricLimits.defaults().withCount(5).withInterval(Duration.ofMinutes(1)).withLimits(1, 0, 4);
      assertThat(Assessment.metric(limits, after("FSF"), false).message())
          .isEqualTo("2 measurements Failed, more than failureLimit 1; last: [1], F measured");
      assertThat(Assessment.metric(limits, after("EEEEE"), false).message())
          .isEqualTo("5 consecutive errors, more than consecutiveErrorLimit 4: E measured");
      assertThat(Assessment.metric(limits, after("SSSSS"), false).message())
          .isEqualTo("after 5 measurements: 5 Successful, 0 Failed, 0 Inconclusive, 0 Error");
      assertThat(Assessment.metric(limits, after("SS"), false).message())
          .isEqualTo("2 of 5 measurements taken: S measured");
    }

    @Test
    void countersStayExactWhenOldMeasurementsAreDropped() {
      MetricResult result = after("FSSSSSSSSSSSSE", 3);

      assertThat(result.measurements()).hasSize(3);
      assertThat(result.measurements()).extracting(Measurement::phase).containsExactly(SUCCESSFUL, SUCCESSFUL, ERROR);
      assertThat(result.count()).isEqualTo(13);
      assertThat(result.successful()).isEqualTo(12);
      assertThat(result.failed()).isEqualTo(1);
      assertThat(result.error()).isEqualTo(1);
      assertThat(result.consecutiveError()).isEqualTo(1);
      MetricLimits limits = MetricLimits.defaults().withInterval(Duration.ofMinutes(1));
      assertThat(Assessment.metric(limits, result, false).phase()).isEqualTo(FAILED);
    }
  }

  @Nested
  class RunVerdicts {

    private MetricResult metric(String name, AnalysisPhase phase, boolean dryRun) {
      return MetricResult.builder(name).phase(phase).message(name + " says " + phase.wireName())
          .count(1).successful(1).dryRun(dryRun).build();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "SUCCESSFUL,   SUCCESSFUL,   SUCCESSFUL",
        "SUCCESSFUL,   RUNNING,      RUNNING",
        "SUCCESSFUL,   PENDING,      RUNNING",
        "RUNNING,      INCONCLUSIVE, INCONCLUSIVE",
        "INCONCLUSIVE, ERROR,        ERROR",
        "ERROR,        FAILED,       FAILED",
        "FAILED,       SUCCESSFUL,   FAILED",
        "RUNNING,      FAILED,       FAILED",
        "ERROR,        SUCCESSFUL,   ERROR",
    })
    void theWorstMetricWins(AnalysisPhase a, AnalysisPhase b, AnalysisPhase run) {
      assertThat(Assessment.run(List.of(metric("a", a, false), metric("b", b, false)), Map.of()).phase()).isEqualTo(run);
      assertThat(Assessment.run(List.of(metric("b", b, false), metric("a", a, false)), Map.of()).phase()).isEqualTo(run);
    }

    @Test
    void theMessageNamesTheDecidingMetric() {
      assertThat(Assessment.run(List.of(metric("latency", SUCCESSFUL, false), metric("errors", FAILED, false)), Map.of()))
          .isEqualTo(new Verdict(FAILED, "metric \"errors\" Failed: errors says Failed"));
    }

    @Test
    void theMessageNamesEveryDecidingMetricWithTheMeasurementThatTippedItAndTheLimit() {
      MetricResult errors = after("SF").toBuilder().name("errors").phase(FAILED).message("errors verdict").build();
      MetricResult latency = after("FF").toBuilder().name("latency").phase(FAILED).message("latency verdict").build();
      MetricResult flaky = after("EE").toBuilder().name("flaky").phase(ERROR).message("flaky verdict").build();
      MetricLimits limits = MetricLimits.defaults().withLimits(0, 0, 1);

      assertThat(Assessment.run(List.of(errors, flaky, latency), Map.of("errors", limits, "latency",
          limits.withLimits(1, 0, 0), "flaky", limits)))
          .isEqualTo(new Verdict(FAILED, "metric \"errors\" Failed: F measured (1 Failed measurement, more than"
              + " failureLimit 0); metric \"latency\" Failed: F measured (2 Failed measurements, more than"
              + " failureLimit 1)"));
      assertThat(Assessment.run(List.of(flaky), Map.of("flaky", limits)))
          .isEqualTo(new Verdict(ERROR, "metric \"flaky\" Error: E measured (2 consecutive errors, more than"
              + " consecutiveErrorLimit 1)"));
    }

    @Test
    void aMetricDecidedWithoutPassingALimitOrWithoutKnownLimitsIsDescribedByItsOwnMessage() {
      MetricResult terminated = after("F").toBuilder().name("m").phase(FAILED).message("terminated after 1").build();
      assertThat(Assessment.run(List.of(terminated), Map.of("m", MetricLimits.defaults().withLimits(3, 0, 4))))
          .isEqualTo(new Verdict(FAILED, "metric \"m\" Failed: terminated after 1"));
      assertThat(Assessment.run(List.of(terminated), Map.of()))
          .isEqualTo(new Verdict(FAILED, "metric \"m\" Failed: terminated after 1"));
    }

    @Test
    void dryRunMetricsNeverDecideTheRun() {
      assertThat(Assessment.run(List.of(metric("real", SUCCESSFUL, false), metric("trial", FAILED, true)), Map.of()).phase())
          .isEqualTo(SUCCESSFUL);
      assertThat(Assessment.run(List.of(metric("real", SUCCESSFUL, false), metric("trial", ERROR, true)), Map.of()).phase())
          .isEqualTo(SUCCESSFUL);
      // but the run waits for them to finish measuring, as Argo Rollouts does
      assertThat(Assessment.run(List.of(metric("real", SUCCESSFUL, false), metric("trial", RUNNING, true)), Map.of()).phase())
          .isEqualTo(RUNNING);
    }

    @Test
    void aRunWithoutMetricsIsNeverSuccessful() {
      assertThat(Assessment.run(List.of(), Map.of()).phase()).isEqualTo(ERROR);
    }
  }

  @Nested
  class NextMeasurement {

    private final MetricLimits everyMinute =
        MetricLimits.defaults().withCount(5).withInterval(Duration.ofMinutes(1)).withInitialDelay(Duration.ofSeconds(30));

    @Test
    void theFirstIsAtRunStartPlusInitialDelay() {
      assertThat(Assessment.nextMeasurement(everyMinute, after(""), START, false))
          .contains(START.plusSeconds(30));
    }

    @Test
    void thenTheLastFinishPlusTheInterval() {
      MetricResult result = after("SS").toBuilder().phase(RUNNING).build();
      // the second measurement ran at START+1m and finished a second later
      assertThat(Assessment.nextMeasurement(everyMinute, result, START, false))
          .contains(START.plus(Duration.ofMinutes(2)).plusSeconds(1));
    }

    @Test
    void afterAnErrorSooner() {
      MetricResult result = after("SE").toBuilder().phase(RUNNING).build();
      assertThat(Assessment.nextMeasurement(everyMinute, result, START, false))
          .contains(START.plus(Duration.ofMinutes(1)).plusSeconds(1 + 10));
      MetricLimits fast = everyMinute.withInterval(Duration.ofSeconds(3));
      assertThat(Assessment.nextMeasurement(fast, result, START, false))
          .contains(START.plus(Duration.ofMinutes(1)).plusSeconds(1 + 3));
    }

    @Test
    void noneOnceTheMetricOrTheRunIsDecided() {
      assertThat(Assessment.nextMeasurement(everyMinute, after("F").toBuilder().phase(FAILED).build(), START, false)).isEmpty();
      assertThat(Assessment.nextMeasurement(everyMinute, after("S").toBuilder().phase(RUNNING).build(), START, true)).isEmpty();
    }
  }

  @Test
  void aDecidedMetricStaysDecided() {
    MetricResult failed = after("F").toBuilder().phase(FAILED).message("failed earlier").build();
    MetricResult laterSuccesses = MetricResults.record(failed, Measurement.builder(SUCCESSFUL).build(), 10);
    assertThat(Assessment.metric(MetricLimits.defaults().withLimits(5, 0, 4), laterSuccesses, false))
        .isEqualTo(new Verdict(FAILED, "failed earlier"));
  }

  @Test
  void noDataMeasurementsAreCountedToo() {
    MetricResult result = MetricResults.record(MetricResults.pending("m", false),
        Measurement.builder(INCONCLUSIVE).noData(true).build(), 10);
    assertThat(result.noData()).isEqualTo(1);
    assertThat(result.inconclusive()).isEqualTo(1);
  }
}
