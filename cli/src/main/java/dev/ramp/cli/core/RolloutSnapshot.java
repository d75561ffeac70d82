package dev.ramp.cli.core;

import com.google.gson.JsonObject;
import dev.ramp.api.rollout.Rollout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Rollout as read in one go: the typed object the decisions reason about, the JSON the server
 * sent (so that writes keep every field, also those our types do not know), and its ReplicaSets,
 * newest revision first.
 */
public record RolloutSnapshot(Rollout rollout, JsonObject raw, List<ReplicaSetInfo> replicaSets) {

  public RolloutSnapshot {
    raw = raw.deepCopy();
    replicaSets = replicaSets.stream()
        .sorted(Comparator.comparingLong((ReplicaSetInfo rs) -> rs.revision().orElse(0)).reversed()
            .thenComparing(ReplicaSetInfo::name))
        .toList();
  }

  public String name() {
    return Rollouts.name(rollout);
  }

  /** The ReplicaSet of the revision with this pod-template hash. */
  public Optional<ReplicaSetInfo> replicaSet(Optional<String> podTemplateHash) {
    return replicaSets.stream().filter(rs -> rs.hasHash(podTemplateHash)).findFirst();
  }

  /** The revision number of the newest revision ({@code status.currentPodHash}), when known. */
  public OptionalLong currentRevision() {
    return revisionOf(rollout.status().currentPodHash());
  }

  /** The revision number of the stable revision ({@code status.stableRS}), when known. */
  public OptionalLong stableRevision() {
    return revisionOf(rollout.status().stableRS());
  }

  /**
   * No update has run yet: the newest revision is revision 1 and already the stable one. The first
   * deploy of a Rollout skips the canary steps (there is nothing to compare with), so none of them ran.
   */
  public boolean isFirstRevision() {
    var status = rollout.status();
    return status.currentPodHash().isPresent() && status.currentPodHash().equals(status.stableRS())
        && currentRevision().equals(OptionalLong.of(1))
        && replicaSets.stream().allMatch(rs -> rs.revision().orElse(0) <= 1);
  }

  private OptionalLong revisionOf(Optional<String> hash) {
    return replicaSet(hash).map(ReplicaSetInfo::revision).orElse(OptionalLong.empty());
  }
}
