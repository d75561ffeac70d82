package dev.ramp.api;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/** A page of Ramp objects as a LIST returns it; the records' accessors answer client-java's getters. */
public interface RampObjectList<T extends RampObject> extends KubernetesListObject {
  String apiVersion();

  String kind();

  V1ListMeta metadata();

  List<T> items();

  @Override
  default V1ListMeta getMetadata() {
    return metadata();
  }

  @Override
  default List<T> getItems() {
    return items();
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
