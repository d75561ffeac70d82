package dev.ramp.controller.plan;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

/**
 * The Deployment a Rollout's {@code workloadRef} names. Its template and selector are the Rollout's
 * own (a Rollout with {@code workloadRef} has neither), so the observer passes them on.
 *
 * @param name its name
 * @param replicas its {@code spec.replicas}
 * @param availableReplicas its {@code status.availableReplicas}
 * @param template its {@code spec.template}: the pod template the Rollout runs
 * @param selector its {@code spec.selector}
 */
public record ObservedWorkload(
    String name, int replicas, int availableReplicas, V1PodTemplateSpec template, V1LabelSelector selector) {}
