package dev.ramp.controller.rollout;

import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.ObservedReplicaSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Old ReplicaSets kept for rollback: at most {@code revisionHistoryLimit} of them; beyond that the
 * oldest are deleted first, but only those at zero pods once this plan is done (after their
 * scale-down delay). Current and stable are never candidates.
 */
final class RevisionHistory {
  private RevisionHistory() {}

  static void prune(Context ctx, Draft d) {
    String current = ctx.revisions().currentHash();
    Optional<String> stable = d.status().stableRS(); // as promoted by this plan
    List<ObservedReplicaSet> idle = ctx.observation().replicaSets().stream()
        .filter(rs -> !rs.podTemplateHash().equals(current) && !stable.equals(Optional.of(rs.podTemplateHash())))
        .filter(rs -> d.plannedSize(rs) == 0)
        .sorted(Comparator.comparingLong(ObservedReplicaSet::revision))
        .toList();
    int excess = idle.size() - Math.max(0, ctx.spec().revisionHistoryLimit());
    for (int i = 0; i < excess; i++) {
      d.add(new Action.DeleteReplicaSet(idle.get(i).name()));
    }
  }
}
