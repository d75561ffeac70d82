package dev.ramp.controller.rollout;

import dev.ramp.controller.plan.ObservedReplicaSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Rollout's ReplicaSets sorted into the roles the planners care about: the current revision (the
 * pod template as it is now), the stable one (the last fully promoted, {@code status.stableRS}), and
 * all others (intermediate and old revisions), oldest first.
 *
 * @param rolloutName the Rollout's name, the ReplicaSets' name prefix
 * @param currentHash the pod-template hash of the template as it is now
 * @param current its ReplicaSet, when it exists already
 * @param stableHash {@code status.stableRS}
 * @param stable the stable ReplicaSet, when it exists (the same as {@code current} when current is stable)
 * @param others every other ReplicaSet, oldest revision first
 * @param nextRevision the revision number a newly created ReplicaSet gets
 */
record Revisions(
    String rolloutName,
    String currentHash,
    Optional<ObservedReplicaSet> current,
    Optional<String> stableHash,
    Optional<ObservedReplicaSet> stable,
    List<ObservedReplicaSet> others,
    long nextRevision) {

  static Revisions of(String rolloutName, String currentHash, Optional<String> stableHash,
      List<ObservedReplicaSet> replicaSets) {
    Optional<ObservedReplicaSet> current = find(replicaSets, currentHash);
    Optional<ObservedReplicaSet> stable = stableHash.flatMap(h -> find(replicaSets, h));
    List<ObservedReplicaSet> others = new ArrayList<>();
    long maxRevision = 0;
    for (ObservedReplicaSet rs : replicaSets) {
      maxRevision = Math.max(maxRevision, rs.revision());
      boolean isCurrent = rs.podTemplateHash().equals(currentHash);
      boolean isStable = stableHash.map(rs.podTemplateHash()::equals).orElse(false);
      if (!isCurrent && !isStable) {
        others.add(rs);
      }
    }
    others.sort(Comparator.comparingLong(ObservedReplicaSet::revision));
    return new Revisions(rolloutName, currentHash, current, stableHash, stable, List.copyOf(others), maxRevision + 1);
  }

  private static Optional<ObservedReplicaSet> find(List<ObservedReplicaSet> replicaSets, String hash) {
    return replicaSets.stream().filter(rs -> rs.podTemplateHash().equals(hash)).findFirst();
  }

  /** The name of a revision's ReplicaSet. */
  static String replicaSetName(String rolloutName, String hash) {
    return rolloutName + "-" + hash;
  }

  String currentName() {
    return replicaSetName(rolloutName, currentHash);
  }

  /** A stable revision exists to fall back on; without one this is the Rollout's first deploy. */
  boolean hasStable() {
    return stable.isPresent();
  }

  /** No update is under way: the template is the stable revision's. */
  boolean currentIsStable() {
    return stable.isPresent() && stable.get().podTemplateHash().equals(currentHash);
  }

  String stableHashOrCurrent() {
    return stableHash.filter(h -> stable.isPresent()).orElse(currentHash);
  }

  /**
   * Once sized at {@code replicas}, the current ReplicaSet has all of them available: it has at least
   * that many available pods now (a ReplicaSet scaled down keeps available pods first).
   */
  boolean currentReadyAt(int replicas) {
    return current.map(rs -> readyAt(rs, replicas)).orElse(replicas == 0);
  }

  /** Once sized at {@code replicas}, the ReplicaSet has all of them available (its status being current). */
  static boolean readyAt(ObservedReplicaSet rs, int replicas) {
    return rs.observedGeneration() && rs.availableReplicas() >= replicas && rs.replicas() >= replicas;
  }

  int currentAvailable() {
    return current.map(ObservedReplicaSet::availableReplicas).orElse(0);
  }
}
