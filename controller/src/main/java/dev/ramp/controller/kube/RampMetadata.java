package dev.ramp.controller.kube;

import dev.ramp.api.RampApi;
import dev.ramp.controller.revision.PodTemplateHash;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.List;
import java.util.Optional;

/** The labels, annotations and owner references by which the controller finds what it created. */
public final class RampMetadata {
  private RampMetadata() {}

  /** The revision's pod-template hash, on ReplicaSets, pods, Service selectors and AnalysisRuns. */
  public static final String POD_TEMPLATE_HASH = PodTemplateHash.LABEL;
  /** Why an AnalysisRun runs ({@code step-2}, {@code background}, ...). */
  public static final String ANALYSIS = "ramp.dev/analysis";
  /** The Rollout revision number a ReplicaSet was created as. */
  public static final String REVISION = "ramp.dev/revision";
  /** When a ReplicaSet is to be scaled to zero (RFC 3339), kept on the object so restarts honour it. */
  public static final String SCALE_DOWN_DEADLINE = "ramp.dev/scale-down-deadline";
  /** The controller's name in Events and managed fields. */
  public static final String COMPONENT = "ramp-controller";

  /** The uid of the Rollout that controls an object, if a Rollout does. */
  public static Optional<String> controllingRolloutUid(KubernetesObject object) {
    List<V1OwnerReference> refs = object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream()
        .filter(ref -> Boolean.TRUE.equals(ref.getController()))
        .filter(ref -> RampApi.ROLLOUT.equals(ref.getKind()) && ref.getApiVersion() != null
            && ref.getApiVersion().startsWith(RampApi.GROUP + "/"))
        .map(V1OwnerReference::getUid)
        .findFirst();
  }

  /** The owner reference that makes an object the Rollout's (deleted with it, found by it). */
  public static V1OwnerReference ownedBy(KubernetesObject rollout) {
    return new V1OwnerReference()
        .apiVersion(RampApi.API_VERSION)
        .kind(RampApi.ROLLOUT)
        .name(rollout.getMetadata().getName())
        .uid(rollout.getMetadata().getUid())
        .controller(true)
        .blockOwnerDeletion(true);
  }
}
