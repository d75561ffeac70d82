package dev.ramp.controller.execute;

import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.kube.RampMetadata;
import dev.ramp.controller.plan.Action;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ReplicaSet of one revision of a Rollout: {@code <rollout>-<hash>}, its pods labelled with the
 * template's labels plus {@code rollouts-pod-template-hash}, selecting the Rollout's selector plus that
 * label, controlled by the Rollout (deleted with it), its revision number in {@code ramp.dev/revision}.
 */
public final class ReplicaSets {
  private static final JSON JSON = new JSON();

  private ReplicaSets() {}

  /**
   * Builds the ReplicaSet an action creates from a Rollout whose template is resolved.
   *
   * @throws IllegalStateException when the Rollout has no template or selector (its workloadRef did not resolve)
   */
  public static V1ReplicaSet build(Rollout rollout, Action.CreateReplicaSet action, Optional<Instant> scaleDownAt) {
    String rolloutName = rollout.getMetadata().getName();
    V1PodTemplateSpec template = copy(rollout.spec().template().orElseThrow(() ->
        new IllegalStateException("Rollout " + rolloutName + " has no pod template to create a ReplicaSet from")),
        V1PodTemplateSpec.class);
    V1LabelSelector selector = copy(rollout.spec().selector().orElseThrow(() ->
        new IllegalStateException("Rollout " + rolloutName + " has no selector")), V1LabelSelector.class);

    V1ObjectMeta templateMeta = template.getMetadata() == null ? new V1ObjectMeta() : template.getMetadata();
    Map<String, String> labels = new LinkedHashMap<>(
        templateMeta.getLabels() == null ? Map.of() : templateMeta.getLabels());
    labels.put(RampMetadataKeys.POD_TEMPLATE_HASH, action.podTemplateHash());
    template.setMetadata(templateMeta.labels(new LinkedHashMap<>(labels)));

    Map<String, String> matchLabels = new LinkedHashMap<>(
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    matchLabels.put(RampMetadataKeys.POD_TEMPLATE_HASH, action.podTemplateHash());
    selector.setMatchLabels(matchLabels);

    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(RampMetadataKeys.REVISION, Long.toString(action.revision()));
    scaleDownAt.ifPresent(at -> annotations.put(RampMetadataKeys.SCALE_DOWN_DEADLINE, at.toString()));

    return new V1ReplicaSet()
        .apiVersion("apps/v1")
        .kind("ReplicaSet")
        .metadata(new V1ObjectMeta()
            .name(action.name())
            .namespace(rollout.getMetadata().getNamespace())
            .labels(labels)
            .annotations(annotations)
            .ownerReferences(List.of(RampMetadata.ownedBy(rollout))))
        .spec(new V1ReplicaSetSpec()
            .replicas(action.replicas())
            .minReadySeconds(rollout.spec().minReadySeconds())
            .selector(selector)
            .template(template));
  }

  private static <T> T copy(T object, Class<T> type) {
    return JSON.deserialize(JSON.serialize(object), type);
  }
}
