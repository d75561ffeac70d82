package dev.ramp.controller.plan;

/**
 * The Deployment a Rollout's {@code workloadRef} names.
 *
 * @param name its name
 * @param replicas its {@code spec.replicas}
 * @param availableReplicas its {@code status.availableReplicas}
 */
public record ObservedWorkload(String name, int replicas, int availableReplicas) {}
