package dev.ramp.controller.analysis;

import dev.ramp.analysis.engine.RunUpdate;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.controller.kube.ObjectKey;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The measurements this controller has under way, at most one per run, and their results until a
 * reconcile records them. A reconcile worker starts a measurement and returns at once; when the
 * queries answer, the run is queued again and the next reconcile writes the result. So no worker ever
 * waits on Prometheus, and a run never has two measurements in flight (the engine relies on that: a
 * second one, started from the same status, would measure the same slot twice).
 *
 * <p>Entries live only while a measurement is under way or waiting to be written; {@link #clear} drops
 * them all when the leadership term ends.
 */
final class InFlightMeasurements {
  private static final Logger LOG = LoggerFactory.getLogger(InFlightMeasurements.class);

  /** A measurement of a run, started from {@code base} (the run as read, resourceVersion and status). */
  private sealed interface Entry {
    AnalysisRun base();
  }

  /** Compared by identity: each start is its own entry. */
  private static final class Running implements Entry {
    private final AnalysisRun base;
    private volatile Disposable subscription;
    /** Set once the subscribing call returned: a result after that must queue the run again. */
    private volatile boolean detached;

    Running(AnalysisRun base) {
      this.base = base;
    }

    @Override
    public AnalysisRun base() {
      return base;
    }
  }

  /** A finished measurement: the run's new status, computed from {@code base}. */
  record Done(AnalysisRun base, RunUpdate update) implements Entry {}

  private final Map<ObjectKey, Entry> entries = new ConcurrentHashMap<>();

  /** Whether a measurement of the run is under way. */
  boolean running(ObjectKey run) {
    return entries.get(run) instanceof Running;
  }

  /** How many runs have a measurement under way or waiting to be written. */
  int size() {
    return entries.size();
  }

  /**
   * Starts measuring, unless a measurement of the run is already under way or done (then empty, and
   * nothing starts).
   *
   * @param measuring the engine's update; it must not fail, a failure or the deadline only ends it
   * @param deadline how long the measurement may take at most, in case a query is never answered
   * @param finished called when the result is ready later (not when it is ready at once), or the
   *     measurement ended without one; it queues the run again
   * @return the update when the Mono completed at once (nothing was due); else empty
   */
  Optional<RunUpdate> start(ObjectKey run, AnalysisRun base, Mono<RunUpdate> measuring, Duration deadline,
      Runnable finished) {
    Running entry = new Running(base);
    if (entries.putIfAbsent(run, entry) != null) {
      return Optional.empty();
    }
    entry.subscription = measuring.timeout(deadline).subscribe(
        update -> {
          if (entries.replace(run, entry, new Done(base, update)) && entry.detached) {
            finished.run();
          }
        },
        error -> {
          LOG.warn("AnalysisRun {}: the measurement ended without a result ({}); measuring again", run, error.toString());
          if (entries.remove(run, entry) && entry.detached) {
            finished.run();
          }
        });
    entry.detached = true;
    Entry now = entries.get(run);
    if (now instanceof Done done && done.base() == base && entries.remove(run, done)) {
      return Optional.of(done.update());
    }
    return Optional.empty();
  }

  /** The finished measurement of the run, if there is one; it is taken out. */
  Optional<Done> takeDone(ObjectKey run) {
    Entry entry = entries.get(run);
    if (entry instanceof Done done && entries.remove(run, done)) {
      return Optional.of(done);
    }
    return Optional.empty();
  }

  /** Puts back a finished measurement whose write met a conflict, for the next reconcile to try again. */
  void putBack(ObjectKey run, Done done) {
    entries.putIfAbsent(run, done);
  }

  /** Stops and forgets the run's measurement (the run is finished, terminated or gone). */
  void cancel(ObjectKey run) {
    Entry entry = entries.remove(run);
    if (entry instanceof Running running && running.subscription != null) {
      running.subscription.dispose();
    }
  }

  /** Stops and forgets every measurement (the leadership term ended). */
  void clear() {
    for (ObjectKey run : Map.copyOf(entries).keySet()) {
      cancel(run);
    }
  }
}
