package dev.ramp.controller.reconcile;

import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.config.ControllerSettings;
import dev.ramp.controller.leader.LeaderElection;
import dev.ramp.controller.metrics.ControllerMetrics;
import io.kubernetes.client.extended.controller.Controller;
import io.kubernetes.client.extended.controller.builder.ControllerBuilder;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.ItemExponentialFailureRateLimiter;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the controller: the caches from the start on every replica, and, for each term this replica
 * leads, a client-java {@link Controller} (rate-limited work queue, several workers, one reconcile at
 * a time per Rollout) that ends the moment the term does.
 */
@Singleton
public class ControllerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);

  private final Caches caches;
  private final WorkQueueFeed feed;
  private final RolloutReconciler reconciler;
  private final LeaderElection election;
  private final ControllerSettings settings;
  private final ControllerMetrics metrics;
  private Term term;
  private boolean started;

  public ControllerRuntime(Caches caches, WorkQueueFeed feed, RolloutReconciler reconciler, LeaderElection election,
      ControllerSettings settings, ControllerMetrics metrics) {
    this.caches = caches;
    this.feed = feed;
    this.reconciler = reconciler;
    this.election = election;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** Starts the caches and the campaign for leadership; returns at once. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    caches.start(feed);
    election.start(this::startTerm, this::endTerm);
  }

  /** Whether this replica is reconciling now. */
  public synchronized boolean isReconciling() {
    return term != null;
  }

  private synchronized void startTerm() {
    if (term != null) {
      return;
    }
    ExecutorService queueLoop = Executors.newSingleThreadExecutor(r -> daemon(r, "rollout-queue"));
    RateLimitingQueue<Request> queue = new DefaultRateLimitingQueue<>(queueLoop,
        new ItemExponentialFailureRateLimiter<>(settings.backoffBase(), settings.backoffMax()));
    Controller controller = ControllerBuilder.defaultBuilder(caches.informerFactory())
        .withName("rollouts")
        .withWorkQueue(queue)
        .withReconciler(reconciler)
        .withWorkerCount(settings.workers())
        .withReadyFunc(caches::hasSynced)
        .build();
    Term started = new Term(controller, queueLoop);
    // client-java's controller gives up when the caches take longer than its ready timeout; wait here
    // instead, for as long as it takes, so that a slow first list never leaves a leader idle.
    Thread runner = new Thread(() -> {
      while (!caches.hasSynced() && isCurrent(started)) {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      if (isCurrent(started)) {
        controller.run();
      }
    }, "rollout-controller");
    runner.setDaemon(true);
    term = started;
    feed.attach(queue);
    runner.start();
    metrics.leading(true);
    LOG.info("Reconciling Rollouts in all namespaces with {} workers", settings.workers());
  }

  private synchronized boolean isCurrent(Term candidate) {
    return term == candidate;
  }

  private synchronized void endTerm() {
    metrics.leading(false);
    if (term == null) {
      return;
    }
    feed.detach();
    term.controller.shutdown();
    term.queueLoop.shutdownNow();
    term = null;
    LOG.info("Stopped reconciling");
  }

  @PreDestroy
  public synchronized void stop() {
    election.close();
    endTerm();
    caches.stop();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private record Term(Controller controller, ExecutorService queueLoop) {}
}
