package dev.ramp.controller.kube;

import dev.ramp.api.RampApi;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.List;
import java.util.Optional;

/**
 * The controller's own name and the owner references by which it finds what it created; the label
 * and annotation keys it shares with the plugin are in {@link dev.ramp.api.RampMetadataKeys}.
 */
public final class RampMetadata {
  private RampMetadata() {}

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
