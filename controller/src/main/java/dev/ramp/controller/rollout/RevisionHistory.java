package dev.ramp.controller.rollout;

import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.ObservedReplicaSet;
import java.util.List;

/**
 * Old ReplicaSets kept for rollback: at most {@code revisionHistoryLimit} of them, and only those
 * already scaled to zero; beyond that the oldest are deleted first. Current and stable are never
 * candidates.
 */
final class RevisionHistory {
  private RevisionHistory() {}

  static void prune(Context ctx, Draft d) {
    List<ObservedReplicaSet> idle = ctx.revisions().others().stream()
        .filter(rs -> rs.desiredReplicas() == 0 && rs.replicas() == 0)
        .toList(); // oldest revision first
    int excess = idle.size() - Math.max(0, ctx.spec().revisionHistoryLimit());
    for (int i = 0; i < excess; i++) {
      d.add(new Action.DeleteReplicaSet(idle.get(i).name()));
    }
  }
}
