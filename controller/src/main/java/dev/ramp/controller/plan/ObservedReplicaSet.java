package dev.ramp.controller.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * A ReplicaSet of one revision, as the planner needs it.
 *
 * @param name {@code <rollout>-<podTemplateHash>}
 * @param podTemplateHash the revision's hash (label {@code rollouts-pod-template-hash})
 * @param revision the Rollout revision number it was created as (annotation {@code ramp.dev/revision})
 * @param desiredReplicas {@code spec.replicas}
 * @param replicas {@code status.replicas}
 * @param readyReplicas {@code status.readyReplicas}
 * @param availableReplicas {@code status.availableReplicas}
 * @param observedGeneration whether status reflects the current spec (status.observedGeneration ==
 *     metadata.generation); counts are stale otherwise
 * @param scaleDownAt when it is to be scaled to zero (annotation {@code ramp.dev/scale-down-deadline}),
 *     a deadline kept on the object so a restarted controller honours it
 * @param createdAt creation timestamp
 */
public record ObservedReplicaSet(
    String name,
    String podTemplateHash,
    long revision,
    int desiredReplicas,
    int replicas,
    int readyReplicas,
    int availableReplicas,
    boolean observedGeneration,
    Optional<Instant> scaleDownAt,
    Instant createdAt) {

  /** All desired pods are there and available, and the counts are current. */
  public boolean isFullyAvailable() {
    return observedGeneration && availableReplicas >= desiredReplicas && replicas == desiredReplicas;
  }
}
