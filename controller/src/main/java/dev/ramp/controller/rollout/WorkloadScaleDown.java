package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.api.rollout.WorkloadRef;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.plan.ObservedWorkload;
import java.util.Optional;

/**
 * The Deployment a Rollout's {@code workloadRef} takes its template from, scaled down as the Rollout
 * takes over, as {@code workloadRef.scaleDown} says: {@code onsuccess} to zero once the stable
 * ReplicaSet is fully available, {@code progressively} by as many pods as the Rollout has available,
 * {@code never} (Argo Rollouts' default) not at all. Never scaled up.
 */
final class WorkloadScaleDown {
  private WorkloadScaleDown() {}

  static void plan(Context ctx, Draft d, RolloutStatus status) {
    Optional<WorkloadRef> ref = ctx.spec().workloadRef();
    Optional<ObservedWorkload> workload = ctx.observation().workload();
    if (ref.isEmpty() || workload.isEmpty()) {
      return;
    }
    int replicas = ctx.replicas();
    int target;
    switch (ref.get().scaleDown()) {
      case ON_SUCCESS -> {
        boolean stableAvailable = status.stableRS()
            .flatMap(hash -> ctx.observation().replicaSets().stream()
                .filter(rs -> rs.podTemplateHash().equals(hash)).findFirst())
            .map(rs -> Revisions.readyAt(rs, replicas))
            .orElse(false);
        if (!stableAvailable) {
          return;
        }
        target = 0;
      }
      case PROGRESSIVELY -> target = Math.max(0, replicas - ctx.observation().replicaSets().stream()
          .mapToInt(ObservedReplicaSet::availableReplicas).sum());
      default -> {
        return;
      }
    }
    if (workload.get().replicas() > target) {
      d.add(new Action.ScaleWorkload(target));
    }
  }
}
