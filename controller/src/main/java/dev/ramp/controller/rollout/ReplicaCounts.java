package dev.ramp.controller.rollout;

import dev.ramp.controller.plan.ObservedReplicaSet;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The pod counts of the status ({@code replicas}, {@code updatedReplicas}, {@code readyReplicas},
 * {@code availableReplicas}), as they stand once the plan is carried out: a ReplicaSet scaled down
 * drops its terminating pods from its status at once, so it counts at most at its planned size. Pods
 * a scale-up asks for count only once they are there.
 */
final class ReplicaCounts {
  private ReplicaCounts() {}

  static void apply(Context ctx, Draft d) {
    List<ObservedReplicaSet> all = ctx.observation().replicaSets();
    int updated = ctx.revisions().current().map(rs -> Math.min(rs.replicas(), d.plannedSize(rs))).orElse(0);
    d.status(b -> b.replicas(sum(all, d, ObservedReplicaSet::replicas))
        .updatedReplicas(updated)
        .readyReplicas(sum(all, d, ObservedReplicaSet::readyReplicas))
        .availableReplicas(sum(all, d, ObservedReplicaSet::availableReplicas)));
  }

  private static int sum(List<ObservedReplicaSet> all, Draft d, ToIntFunction<ObservedReplicaSet> count) {
    return all.stream().mapToInt(rs -> Math.min(count.applyAsInt(rs), d.plannedSize(rs))).sum();
  }
}
