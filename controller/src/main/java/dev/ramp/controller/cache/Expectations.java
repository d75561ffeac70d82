package dev.ramp.controller.cache;

import dev.ramp.controller.kube.ObjectKey;
import io.kubernetes.client.common.KubernetesObject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes a reconcile made that the caches have not shown yet. Planning again before they show
 * would plan on a world that no longer is (a ReplicaSet created twice, a step taken twice), so a
 * Rollout with unmet expectations waits: the watch event of its own write brings it back. An
 * expectation that never comes true (an event lost, an object changed twice) lapses after a while.
 */
@Singleton
public class Expectations {
  static final Duration LAPSE = Duration.ofSeconds(30);

  private final Caches caches;
  private final Clock clock;
  private final Map<ObjectKey, List<Pending>> pending = new ConcurrentHashMap<>();

  public Expectations(Caches caches, Clock clock) {
    this.caches = caches;
    this.clock = clock;
  }

  /** Something a write made true that the caches must show before the Rollout is planned again. */
  public sealed interface Expected {
    /** Whether the caches show it. */
    boolean met(Caches caches);

    /** The Rollout's status write moved it past this resourceVersion. */
    record RolloutMovedFrom(ObjectKey rollout, String resourceVersion) implements Expected {
      @Override
      public boolean met(Caches caches) {
        return caches.rollout(rollout).map(r -> !resourceVersion.equals(r.getMetadata().getResourceVersion()))
            .orElse(true);
      }
    }

    /** An object of the Rollout was created. */
    record Present(Owned kind, String ownerUid, String name) implements Expected {
      @Override
      public boolean met(Caches caches) {
        return find(kind.cached(caches, ownerUid), name).isPresent();
      }
    }

    /** An object of the Rollout was changed from this resourceVersion. */
    record MovedFrom(Owned kind, String ownerUid, String name, String resourceVersion) implements Expected {
      @Override
      public boolean met(Caches caches) {
        return find(kind.cached(caches, ownerUid), name)
            .map(o -> !resourceVersion.equals(o.getMetadata().getResourceVersion())).orElse(true);
      }
    }

    /** An object of the Rollout was deleted. */
    record Gone(Owned kind, String ownerUid, String name) implements Expected {
      @Override
      public boolean met(Caches caches) {
        return find(kind.cached(caches, ownerUid), name).isEmpty();
      }
    }

    private static Optional<? extends KubernetesObject> find(List<? extends KubernetesObject> objects, String name) {
      return objects.stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }
  }

  /** The kinds of objects a Rollout owns that the caches hold. */
  public enum Owned {
    REPLICA_SET,
    ANALYSIS_RUN;

    List<? extends KubernetesObject> cached(Caches caches, String ownerUid) {
      return this == REPLICA_SET ? caches.replicaSetsOwnedBy(ownerUid) : caches.analysisRunsOwnedBy(ownerUid);
    }
  }

  private record Pending(Expected expected, Instant lapsesAt) {}

  /** Records that a write for this Rollout made {@code expected} true. */
  public void expect(ObjectKey rollout, Expected expected) {
    pending.merge(rollout, List.of(new Pending(expected, clock.instant().plus(LAPSE))), (before, added) -> {
      List<Pending> all = new ArrayList<>(before);
      all.addAll(added);
      return all;
    });
  }

  /** The first expectation of this Rollout the caches do not show yet; met and lapsed ones are dropped. */
  public Optional<Expected> unmet(ObjectKey rollout) {
    Instant now = clock.instant();
    List<Pending> left = pending.computeIfPresent(rollout, (k, list) -> {
      List<Pending> still = list.stream()
          .filter(p -> p.lapsesAt().isAfter(now) && !p.expected().met(caches))
          .toList();
      return still.isEmpty() ? null : still;
    });
    return left == null ? Optional.empty() : Optional.of(left.get(0).expected());
  }

  /** Drops everything expected of a Rollout (it is gone). */
  public void forget(ObjectKey rollout) {
    pending.remove(rollout);
  }
}
