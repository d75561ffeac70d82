package dev.ramp.controller.reconcile;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.cache.CacheEvents;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.kube.ObjectKey;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Turns cache events into Rollouts to reconcile, in the work queue of the current leadership term
 * (none while this replica is a standby: its caches stay warm, nothing is queued). The queue holds a
 * Rollout once however often it changes, and hands it to one worker at a time.
 */
@Singleton
public class WorkQueueFeed implements CacheEvents {
  private final Caches caches;
  private volatile RateLimitingQueue<Request> queue;

  public WorkQueueFeed(Caches caches) {
    this.caches = caches;
  }

  /** Feeds this queue from now on, starting with every Rollout in the cache. */
  void attach(RateLimitingQueue<Request> newQueue) {
    this.queue = newQueue;
    for (Rollout rollout : caches.rollouts()) {
      rolloutChanged(ObjectKey.of(rollout));
    }
  }

  /** Stops feeding (the term ended). */
  void detach() {
    this.queue = null;
  }

  /** The current term's queue. */
  Optional<RateLimitingQueue<Request>> queue() {
    return Optional.ofNullable(queue);
  }

  @Override
  public void rolloutChanged(ObjectKey rollout) {
    RateLimitingQueue<Request> q = queue;
    if (q != null) {
      q.add(new Request(rollout.namespace(), rollout.name()));
    }
  }

  @Override
  public void ownedObjectChanged(String namespace, String ownerUid) {
    caches.rolloutByUid(ownerUid).ifPresent(r -> rolloutChanged(ObjectKey.of(r)));
  }

  @Override
  public void workloadChanged(ObjectKey deployment) {
    for (Rollout rollout : caches.rolloutsTakingOver(deployment)) {
      rolloutChanged(ObjectKey.of(rollout));
    }
  }

  @Override
  public void virtualServiceChanged(ObjectKey virtualService) {
    for (Rollout rollout : caches.rolloutsRoutingThrough(virtualService)) {
      rolloutChanged(ObjectKey.of(rollout));
    }
  }
}
