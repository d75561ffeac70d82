package dev.ramp.controller.analysis;

import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.config.ControllerSettings;
import io.kubernetes.client.extended.controller.Controller;
import io.kubernetes.client.extended.controller.builder.ControllerBuilder;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.ItemExponentialFailureRateLimiter;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The AnalysisRun side of a leadership term: a client-java {@link Controller} over AnalysisRuns in all
 * namespaces (its own work queue and workers, one reconcile at a time per run), fed by the AnalysisRun
 * cache, started and stopped with the Rollout controller's term.
 */
@Singleton
public class AnalysisRunController {
  private final Caches caches;
  private final AnalysisRunFeed feed;
  private final AnalysisRunReconciler reconciler;
  private final ControllerSettings settings;
  private boolean connected;
  private Term term;

  public AnalysisRunController(Caches caches, AnalysisRunFeed feed, AnalysisRunReconciler reconciler,
      ControllerSettings settings) {
    this.caches = caches;
    this.feed = feed;
    this.reconciler = reconciler;
    this.settings = settings;
  }

  /** Has the AnalysisRun cache report changes to the feed; call once, before the caches start. */
  public synchronized void connect() {
    if (!connected) {
      caches.onAnalysisRunChange(feed::changed);
      connected = true;
    }
  }

  /** A new term's controller, its queue fed from now on; the caller runs it once the caches have synced. */
  public synchronized Controller startTerm() {
    endTerm();
    ExecutorService queueLoop = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "analysisrun-queue");
      t.setDaemon(true);
      return t;
    });
    RateLimitingQueue<Request> queue = new DefaultRateLimitingQueue<>(queueLoop,
        new ItemExponentialFailureRateLimiter<>(settings.backoffBase(), settings.backoffMax()));
    Controller controller = ControllerBuilder.defaultBuilder(caches.informerFactory())
        .withName("analysisruns")
        .withWorkQueue(queue)
        .withReconciler(reconciler)
        .withWorkerCount(settings.workers())
        .withReadyFunc(caches::hasSynced)
        .build();
    term = new Term(controller, queueLoop);
    feed.attach(queue);
    return controller;
  }

  /** Stops the term's controller and drops the measurements under way. */
  public synchronized void endTerm() {
    if (term == null) {
      return;
    }
    feed.detach();
    term.controller().shutdown();
    term.queueLoop().shutdownNow();
    reconciler.endTerm();
    term = null;
  }

  private record Term(Controller controller, ExecutorService queueLoop) {}
}
