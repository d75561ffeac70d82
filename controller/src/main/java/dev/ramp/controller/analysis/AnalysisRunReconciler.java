package dev.ramp.controller.analysis;

import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.engine.AnalysisEngine;
import dev.ramp.analysis.engine.RunInput;
import dev.ramp.analysis.engine.RunUpdate;
import dev.ramp.analysis.prometheus.PrometheusProvider;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.leader.Leadership;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile of one AnalysisRun: read it from the cache, resolve its args and credentials, let the
 * engine measure what is due, and record the new status with the resourceVersion it was computed from.
 *
 * <p>No worker waits on Prometheus: a reconcile starts the measurement and returns; when the queries
 * answer, the run is queued again and that reconcile writes the result ({@link InFlightMeasurements}).
 * The next measurement time comes from status, so the run is queued again for exactly then, and not at
 * all once it is decided. A measurement is recorded at most once: a run never has two in flight, a run
 * whose cache has not shown our last write yet waits for it ({@link OwnWrites}), and a result whose run
 * someone else has recorded meanwhile is dropped. A 409 keeps the result and tries again on the fresh
 * run. {@code spec.terminate} ends the run at once on the evidence recorded (a measurement under way
 * is dropped).
 */
@Singleton
public class AnalysisRunReconciler implements Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisRunReconciler.class);
  /** How long to wait for the cache to show our own write before looking anyway. */
  static final Duration CACHE_WAIT = Duration.ofSeconds(1);
  /** Added to the longest query timeout of a run: the most a measurement may take before it is dropped. */
  static final Duration DEADLINE_MARGIN = Duration.ofSeconds(30);

  private final Caches caches;
  private final RunInputs inputs;
  private final AnalysisEngine engine;
  private final AnalysisRunStatusWriter writer;
  private final Leadership leadership;
  private final AnalysisRunFeed feed;
  private final AnalysisMetrics metrics;
  private final Clock clock;
  private final InFlightMeasurements inFlight = new InFlightMeasurements();
  private final OwnWrites ownWrites;

  public AnalysisRunReconciler(Caches caches, RunInputs inputs, PrometheusProvider prometheus, Conditions conditions,
      AnalysisRunStatusWriter writer, Leadership leadership, AnalysisRunFeed feed, AnalysisMetrics metrics,
      Clock clock) {
    this.caches = caches;
    this.inputs = inputs;
    this.engine = new AnalysisEngine(prometheus, conditions, clock);
    this.writer = writer;
    this.leadership = leadership;
    this.feed = feed;
    this.metrics = metrics;
    this.clock = clock;
    this.ownWrites = new OwnWrites(clock);
  }

  private record Outcome(String name, Result result) {}

  @Override
  public Result reconcile(Request request) {
    ObjectKey key = new ObjectKey(request.getNamespace(), request.getName());
    String outcome = "error";
    try {
      Outcome result = reconcile(key);
      outcome = result.name();
      if (!outcome.equals("conflict") && !outcome.equals("failed")) {
        feed.queue().ifPresent(q -> q.forget(request));
      }
      return result.result();
    } catch (Leadership.NotLeaderException e) {
      outcome = "not_leader";
      return new Result(false);
    } catch (KubeApiException e) {
      outcome = "failed";
      LOG.warn("AnalysisRun {}: {}; trying again with backoff", key, e.getMessage());
      return new Result(true);
    } catch (Throwable e) {
      LOG.error("AnalysisRun {}: reconcile failed; trying again with backoff", key, e);
      return new Result(true);
    } finally {
      metrics.reconciled(outcome);
      metrics.inFlight(inFlight.size());
    }
  }

  /** Forgets every measurement under way (the leadership term ended; the next leader measures from status). */
  void endTerm() {
    inFlight.clear();
    ownWrites.clear();
  }

  private Outcome reconcile(ObjectKey key) {
    if (!leadership.isLeading()) {
      return new Outcome("not_leader", new Result(false));
    }
    Optional<AnalysisRun> cached = caches.analysisRun(key);
    if (cached.isEmpty() || cached.get().getMetadata().getDeletionTimestamp() != null
        || cached.get().status().phase().isCompleted()) {
      inFlight.cancel(key);
      ownWrites.forget(key);
      return new Outcome("gone", new Result(false));
    }
    AnalysisRun run = cached.get();
    if (ownWrites.cacheBehind(key, run)) {
      return new Outcome("stale", new Result(true, CACHE_WAIT));
    }
    Optional<InFlightMeasurements.Done> done = inFlight.takeDone(key);
    if (done.isPresent()) {
      return record(key, run, done.get());
    }
    if (inFlight.running(key)) {
      if (!run.spec().terminate()) {
        return new Outcome("measuring", new Result(false)); // its end queues the run again
      }
      inFlight.cancel(key);
    }
    RunInput input = inputs.resolve(run);
    Optional<RunUpdate> ready = inFlight.start(key, run, engine.reconcile(input, clock.instant()), deadline(run),
        () -> feed.changed(key));
    if (ready.isEmpty()) {
      return new Outcome("measuring", new Result(false));
    }
    return record(key, run, new InFlightMeasurements.Done(run, ready.get()));
  }

  /** Writes a finished measurement onto the run as cached now, if nobody recorded anything since it started. */
  private Outcome record(ObjectKey key, AnalysisRun current, InFlightMeasurements.Done done) {
    AnalysisRun base = done.base();
    RunUpdate update = done.update();
    if (!Objects.equals(base.getMetadata().getUid(), current.getMetadata().getUid())
        || !base.status().equals(current.status())) {
      // recorded by someone else since (another leader, a person): measure again from what is recorded
      LOG.debug("AnalysisRun {}: status changed while measuring; the measurement is dropped", key);
      return new Outcome("stale", new Result(true, Duration.ZERO));
    }
    AnalysisRunStatus status = update.status();
    boolean written = false;
    if (!status.equals(current.status())) {
      try {
        writer.write(current, status);
      } catch (KubeApiException e) {
        if (!e.isConflict()) {
          throw e;
        }
        LOG.debug("AnalysisRun {}: {}; trying again on the fresh run", key, e.getMessage());
        inFlight.putBack(key, done);
        return new Outcome("conflict", new Result(true));
      }
      ownWrites.wrote(key, current.getMetadata().getResourceVersion());
      written = true;
      countMeasurements(update);
      if (status.phase().isCompleted()) {
        metrics.finished(status.phase());
        LOG.info("AnalysisRun {}: {}{}", key, status.phase().wireName(), status.message().map(m -> ": " + m).orElse(""));
      }
    }
    String outcome = written ? "written" : "unchanged";
    if (status.phase().isCompleted() || update.nextAttention().isEmpty()) {
      return new Outcome(outcome, new Result(false));
    }
    Duration wait = Duration.between(clock.instant(), update.nextAttention().get());
    return new Outcome(outcome, new Result(true, wait.isNegative() ? Duration.ZERO : wait));
  }

  private void countMeasurements(RunUpdate update) {
    for (String name : update.measured()) {
      update.status().metricResult(name)
          .flatMap(r -> r.lastMeasurement())
          .map(Measurement::phase)
          .ifPresent(metrics::measured);
    }
  }

  /** The longest query timeout of the run, and a margin: a measurement taking longer is given up. */
  static Duration deadline(AnalysisRun run) {
    Duration longest = Duration.ZERO;
    for (Metric metric : run.spec().metrics()) {
      Duration timeout;
      try {
        timeout = metric.prometheus().map(PrometheusMetric::parsedTimeout).orElse(Duration.ZERO);
      } catch (RuntimeException e) {
        timeout = Duration.ofSeconds(30); // an arg placeholder, say; the engine reports a bad one
      }
      longest = timeout.compareTo(longest) > 0 ? timeout : longest;
    }
    return longest.plus(DEADLINE_MARGIN);
  }
}
