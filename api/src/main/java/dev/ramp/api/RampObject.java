package dev.ramp.api;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * A Ramp object as client-java sees it: the records' own accessors ({@code metadata()}, ...)
 * answer {@link KubernetesObject}'s getters, so the kinds work with {@code GenericKubernetesApi}
 * and informers.
 */
public interface RampObject extends KubernetesObject {
  String apiVersion();

  String kind();

  V1ObjectMeta metadata();

  @Override
  default V1ObjectMeta getMetadata() {
    return metadata();
  }

  @Override
  default String getApiVersion() {
    return apiVersion();
  }

  @Override
  default String getKind() {
    return kind();
  }
}
