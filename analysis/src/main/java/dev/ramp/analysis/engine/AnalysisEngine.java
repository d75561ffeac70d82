package dev.ramp.analysis.engine;

import dev.ramp.analysis.assessment.Assessment;
import dev.ramp.analysis.assessment.MetricLimits;
import dev.ramp.analysis.assessment.MetricResults;
import dev.ramp.analysis.assessment.Verdict;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.measurement.MeasurementJudge;
import dev.ramp.analysis.measurement.MeasurementOutcome;
import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.analysis.prometheus.PrometheusQuery;
import dev.ramp.analysis.query.MetricProvider;
import dev.ramp.analysis.query.QueryResult;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricResult;
import dev.ramp.api.analysis.RunSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The analysis engine as the AnalysisRunReconciler uses it: given a run (spec, recorded status,
 * resolved args and credentials) and the time, it says which metrics are due, measures them without
 * blocking the caller, and gives the new status, the run's verdict and when the run next needs
 * attention. Everything it decides is derived from status, so a restarted controller carries on
 * exactly where the last one stopped.
 *
 * <p>A run in a completed phase is left alone. {@code spec.terminate} ends a run on the evidence it
 * has. A metric that cannot be measured as written (an arg without a value, a condition that does not
 * compile, a malformed interval) is an Error at once: waiting would not change it. A metric whose
 * credentials could not be read is not queried: each due measurement is an Error naming the reason
 * (the Secret may yet appear), and consecutiveErrorLimit decides when to stop waiting.
 */
public final class AnalysisEngine {

  private final MetricProvider<PrometheusQuery> prometheus;
  private final MeasurementJudge judge;
  private final MetricValidation validation;
  private final Clock clock;

  /**
   * @param clock stamps measurements (startedAt, finishedAt)
   */
  public AnalysisEngine(MetricProvider<PrometheusQuery> prometheus, Conditions conditions, Clock clock) {
    this.prometheus = prometheus;
    this.judge = new MeasurementJudge(conditions);
    this.validation = new MetricValidation(conditions);
    this.clock = clock;
  }

  /** Which metrics are due at {@code now}, and when the next measurement after those is. Pure. */
  public RunPlan plan(RunInput run, Instant now) {
    if (run.status().phase().isCompleted() || run.spec().terminate()) {
      return new RunPlan(List.of(), Optional.empty());
    }
    Instant started = startedAt(run, now);
    List<String> due = new ArrayList<>();
    Optional<Instant> next = Optional.empty();
    for (Metric metric : run.spec().metrics()) {
      MetricResult result = recorded(run, metric);
      if (result.phase().isCompleted()) {
        continue;
      }
      Optional<ResolvedMetric> resolved = tryResolve(metric, run);
      if (resolved.isEmpty()) {
        due.add(metric.name()); // to be recorded as an Error now
        continue;
      }
      Optional<Instant> at = Assessment.nextMeasurement(resolved.get().limits(), result, started, false);
      if (at.isPresent() && !at.get().isAfter(now)) {
        due.add(metric.name());
      } else {
        next = earliest(next, at);
      }
    }
    return new RunPlan(due, due.isEmpty() ? next : Optional.of(now));
  }

  /**
   * Measures the metrics due at {@code now} and gives the run's new status. The Mono runs the queries
   * concurrently and never fails; measurement problems are Error measurements.
   */
  public Mono<RunUpdate> reconcile(RunInput run, Instant now) {
    AnalysisRunStatus status = run.status();
    if (status.phase().isCompleted()) {
      return Mono.just(new RunUpdate(status, List.of(), Optional.empty()));
    }
    Instant started = startedAt(run, now);
    boolean terminating = run.spec().terminate();
    List<String> due = plan(run, now).due();
    Map<String, Mono<MetricResult>> updates = new LinkedHashMap<>();
    for (Metric metric : run.spec().metrics()) {
      MetricResult result = recorded(run, metric);
      if (!due.contains(metric.name())) {
        updates.put(metric.name(), Mono.just(result));
        continue;
      }
      ResolvedMetric resolved;
      try {
        resolved = MetricResolver.resolve(metric, run.args(), credentials(run, metric));
        validation.conditionProblems(metric, resolved).ifPresent(problem -> {
          throw new IllegalArgumentException(problem);
        });
      } catch (IllegalArgumentException e) {
        updates.put(metric.name(), Mono.just(result.toBuilder().phase(AnalysisPhase.ERROR)
            .message("cannot measure: " + e.getMessage()).build()));
        continue;
      }
      int retention = run.spec().measurementLimit(metric.name());
      Mono<Measurement> measurement = run.credentials(metric.name()) instanceof MetricCredentials.Unreadable unreadable
          ? notQueried(unreadable)
          : measure(resolved);
      updates.put(metric.name(), measurement.map(outcome -> MetricResults.record(result, outcome, retention)));
    }
    return Flux.fromIterable(updates.entrySet())
        .flatMapSequential(entry -> entry.getValue())
        .collectList()
        .map(results -> assess(run, results, started, terminating, due));
  }

  private Mono<Measurement> measure(ResolvedMetric metric) {
    return Mono.defer(() -> {
      Instant startedAt = clock.instant();
      return prometheus.query(metric.query())
          .onErrorResume(e -> Mono.just(new QueryResult.Failure("the query failed unexpectedly: " + e)))
          .map(result -> {
            MeasurementOutcome outcome = judge.judge(result, metric.criteria(), startedAt, clock.instant());
            return Measurement.builder(AnalysisPhase.valueOf(outcome.phase().toUpperCase(java.util.Locale.ROOT)))
                .value(outcome.value())
                .noData(result instanceof QueryResult.NoData)
                .startedAt(utc(outcome.startedAt()))
                .finishedAt(utc(outcome.finishedAt()))
                .message(outcome.message())
                .build();
          });
    });
  }

  private Mono<Measurement> notQueried(MetricCredentials.Unreadable credentials) {
    return Mono.fromSupplier(() -> {
      OffsetDateTime at = utc(clock.instant());
      return Measurement.builder(AnalysisPhase.ERROR)
          .startedAt(at)
          .finishedAt(at)
          .message("not queried: " + credentials.reason())
          .build();
    });
  }

  private RunUpdate assess(
      RunInput run, List<MetricResult> measured, Instant started, boolean terminating, List<String> due) {
    List<MetricResult> results = new ArrayList<>();
    Map<String, MetricLimits> limits = new LinkedHashMap<>();
    Map<String, Optional<Instant>> next = new LinkedHashMap<>();
    for (int i = 0; i < measured.size(); i++) {
      Metric metric = run.spec().metrics().get(i);
      MetricResult result = measured.get(i);
      Optional<ResolvedMetric> resolved = tryResolve(metric, run);
      resolved.ifPresent(r -> limits.put(metric.name(), r.limits()));
      if (result.phase().isCompleted()) {
        results.add(result);
        continue;
      }
      if (resolved.isEmpty()) {
        // only reachable when terminating: an unmeasurable metric ends without evidence
        Verdict verdict = Assessment.metric(MetricLimits.defaults(), result, true);
        results.add(result.toBuilder().phase(verdict.phase()).message(verdict.message()).build());
        continue;
      }
      Verdict verdict = Assessment.metric(resolved.get().limits(), result, terminating);
      MetricResult assessed = result.toBuilder()
          .phase(verdict.phase())
          .message(verdict.message().isEmpty() ? null : verdict.message())
          .build();
      results.add(assessed);
      next.put(metric.name(), Assessment.nextMeasurement(resolved.get().limits(), assessed, started, false));
    }
    Verdict verdict = Assessment.run(results, limits);
    boolean decided = verdict.phase().isCompleted();
    List<MetricResult> withResume = new ArrayList<>();
    for (MetricResult result : results) {
      Optional<Instant> resumeAt = decided ? Optional.empty() : next.getOrDefault(result.name(), Optional.empty());
      withResume.add(due.contains(result.name()) ? resumeAt(result, resumeAt) : result);
    }
    Optional<Instant> nextAttention = decided
        ? Optional.empty()
        : next.values().stream().flatMap(Optional::stream).min(Comparator.naturalOrder());
    return new RunUpdate(runStatus(verdict, withResume, started), due, nextAttention);
  }

  private static AnalysisRunStatus runStatus(Verdict verdict, List<MetricResult> results, Instant started) {
    return AnalysisRunStatus.builder()
        .phase(verdict.phase())
        .message(verdict.message().isEmpty() ? null : verdict.message())
        .startedAt(utc(started))
        .metricResults(results)
        .runSummary(summary(results, false))
        .dryRunSummary(results.stream().anyMatch(MetricResult::dryRun) ? summary(results, true) : null)
        .build();
  }

  private static RunSummary summary(List<MetricResult> results, boolean dryRun) {
    int count = 0, successful = 0, failed = 0, inconclusive = 0, error = 0;
    for (MetricResult result : results) {
      if (result.dryRun() != dryRun) {
        continue;
      }
      count++;
      switch (result.phase()) {
        case SUCCESSFUL -> successful++;
        case FAILED -> failed++;
        case INCONCLUSIVE -> inconclusive++;
        case ERROR -> error++;
        default -> { }
      }
    }
    return new RunSummary(count, successful, failed, inconclusive, error);
  }

  private static MetricResult resumeAt(MetricResult result, Optional<Instant> resumeAt) {
    if (resumeAt.isEmpty() || result.measurements().isEmpty()) {
      return result;
    }
    List<Measurement> measurements = new ArrayList<>(result.measurements());
    int last = measurements.size() - 1;
    measurements.set(last, measurements.get(last).toBuilder().resumeAt(utc(resumeAt.get())).build());
    return result.toBuilder().measurements(measurements).build();
  }

  private Optional<ResolvedMetric> tryResolve(Metric metric, RunInput run) {
    try {
      ResolvedMetric resolved = MetricResolver.resolve(metric, run.args(), credentials(run, metric));
      return validation.conditionProblems(metric, resolved).isPresent()
          ? Optional.empty()
          : Optional.of(resolved);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The auth to query with; unreadable credentials are never sent, so none stands in for them. */
  private static PrometheusAuth credentials(RunInput run, Metric metric) {
    return run.credentials(metric.name()) instanceof MetricCredentials.Resolved resolved
        ? resolved.auth()
        : PrometheusAuth.none();
  }

  private static MetricResult recorded(RunInput run, Metric metric) {
    boolean dryRun = run.spec().isDryRun(metric.name());
    return run.status().metricResult(metric.name())
        .map(r -> r.dryRun() == dryRun ? r : r.toBuilder().dryRun(dryRun).build())
        .orElseGet(() -> MetricResults.pending(metric.name(), dryRun));
  }

  private static Instant startedAt(RunInput run, Instant now) {
    return run.status().startedAt().map(OffsetDateTime::toInstant).orElse(now);
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
