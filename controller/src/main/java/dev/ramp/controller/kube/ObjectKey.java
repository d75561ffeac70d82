package dev.ramp.controller.kube;

import io.kubernetes.client.common.KubernetesObject;

/** A namespaced object's name, {@code namespace/name} as informers key it. */
public record ObjectKey(String namespace, String name) {

  public static ObjectKey of(KubernetesObject object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /** Reads {@code namespace/name}. */
  public static ObjectKey parse(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a namespace/name key: " + key);
    }
    return new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
