package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.Rollout;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.Map;
import java.util.Optional;

/** The labels a Rollout's pods carry, when its template is known. */
final class RolloutTemplates {
  private RolloutTemplates() {}

  static Optional<Map<String, String>> podLabels(Rollout rollout) {
    return rollout.spec().template()
        .map(V1PodTemplateSpec::getMetadata)
        .map(V1ObjectMeta::getLabels)
        .map(Map::copyOf);
  }
}
