package dev.ramp.controller.reconcile;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.cache.Expectations;
import dev.ramp.controller.execute.Execution;
import dev.ramp.controller.execute.PlanExecutor;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.leader.Leadership;
import dev.ramp.controller.metrics.ControllerMetrics;
import dev.ramp.controller.observe.Observed;
import dev.ramp.controller.observe.RolloutObserver;
import dev.ramp.controller.plan.Plan;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile of one Rollout: observe, plan, execute. It never throws: a failure is logged with the
 * Rollout's name and the Rollout is queued again with a backoff that grows while it keeps failing, so
 * one broken object neither crash-loops the controller nor holds up the others. A conflict re-reads
 * and re-plans at once (with the queue's short first backoff); user errors reach the planner as
 * problems and come back as conditions.
 */
@Singleton
public class RolloutReconciler implements Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutReconciler.class);
  /** How long to wait for the caches to show our own writes before looking anyway. */
  static final Duration CACHE_WAIT = Duration.ofSeconds(1);

  private final Caches caches;
  private final Expectations expectations;
  private final RolloutObserver observer;
  private final Planner planner;
  private final PlanExecutor executor;
  private final Leadership leadership;
  private final ControllerMetrics metrics;
  private final WorkQueueFeed feed;

  public RolloutReconciler(Caches caches, Expectations expectations, RolloutObserver observer, Planner planner,
      PlanExecutor executor, Leadership leadership, ControllerMetrics metrics, WorkQueueFeed feed) {
    this.caches = caches;
    this.expectations = expectations;
    this.observer = observer;
    this.planner = planner;
    this.executor = executor;
    this.leadership = leadership;
    this.metrics = metrics;
    this.feed = feed;
  }

  @Override
  public Result reconcile(Request request) {
    ObjectKey key = new ObjectKey(request.getNamespace(), request.getName());
    long started = System.nanoTime();
    String outcome = "error";
    try {
      Outcome result = reconcile(key);
      outcome = result.name;
      if (result.resetBackoff) {
        feed.queue().ifPresent(q -> q.forget(request));
      }
      return result.result;
    } catch (KubeApiException e) {
      LOG.warn("Rollout {}: {}; trying again with backoff", key, e.getMessage());
      return new Result(true);
    } catch (Throwable e) {
      LOG.error("Rollout {}: reconcile failed; trying again with backoff", key, e);
      return new Result(true);
    } finally {
      metrics.reconciled(outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private record Outcome(String name, Result result, boolean resetBackoff) {}

  private Outcome reconcile(ObjectKey key) {
    if (!leadership.isLeading()) {
      return new Outcome("not_leader", new Result(false), false);
    }
    Optional<Rollout> cached = caches.rollout(key);
    if (cached.isEmpty()) {
      expectations.forget(key);
      metrics.forget(key);
      return new Outcome("gone", new Result(false), true);
    }
    Rollout rollout = cached.get();
    if (rollout.getMetadata().getDeletionTimestamp() != null) {
      return new Outcome("gone", new Result(false), true);
    }
    Optional<Expectations.Expected> unmet = expectations.unmet(key);
    if (unmet.isPresent()) {
      LOG.debug("Rollout {}: waiting for the caches to show {}", key, unmet.get());
      return new Outcome("waiting", new Result(true, CACHE_WAIT), false);
    }
    Observed observed = observer.observe(rollout);
    Plan plan = planner.plan(observed.observation());
    if (LOG.isTraceEnabled()) {
      LOG.trace("Rollout {}: observed {}; planned {}", key, observed.observation(), plan);
    }
    Execution execution = executor.execute(observed, plan);
    if (execution instanceof Execution.Done done) {
      metrics.phase(key, plan.status().phase());
      if (done.writes() > 0 || done.statusWritten()) {
        LOG.debug("Rollout {}: {} writes, status {}", key, done.writes(), done.statusWritten() ? "written" : "unchanged");
      }
      Result result = done.requeueAfter().map(d -> new Result(true, d)).orElseGet(() -> new Result(false));
      return new Outcome("done", result, true);
    }
    if (execution instanceof Execution.Conflict conflict) {
      LOG.debug("Rollout {}: {} met a newer version ({}); re-reading", key, conflict.step(), conflict.detail());
      return new Outcome("conflict", new Result(true), false);
    }
    if (execution instanceof Execution.Failed failed) {
      LOG.warn("Rollout {}: {} failed: {}; trying again with backoff", key, failed.step(), failed.detail());
      return new Outcome("failed", new Result(true), false);
    }
    return new Outcome("not_leader", new Result(false), false);
  }
}
