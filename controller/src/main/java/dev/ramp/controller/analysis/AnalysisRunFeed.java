package dev.ramp.controller.analysis;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.kube.ObjectKey;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Turns AnalysisRun cache events, and measurements that finished, into runs to reconcile, in the work
 * queue of the current leadership term (none while this replica is a standby).
 */
@Singleton
public class AnalysisRunFeed {
  private final Caches caches;
  private volatile RateLimitingQueue<Request> queue;

  public AnalysisRunFeed(Caches caches) {
    this.caches = caches;
  }

  /** Feeds this queue from now on, starting with every run in the cache that is not finished. */
  void attach(RateLimitingQueue<Request> newQueue) {
    this.queue = newQueue;
    for (AnalysisRun run : caches.analysisRuns()) {
      if (!run.status().phase().isCompleted()) {
        changed(ObjectKey.of(run));
      }
    }
  }

  void detach() {
    this.queue = null;
  }

  Optional<RateLimitingQueue<Request>> queue() {
    return Optional.ofNullable(queue);
  }

  /** The run changed, or has a measurement to record: reconcile it. */
  public void changed(ObjectKey run) {
    RateLimitingQueue<Request> q = queue;
    if (q != null) {
      q.add(new Request(run.namespace(), run.name()));
    }
  }
}
