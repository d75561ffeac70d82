package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.Optional;

/** Where an argument's value comes from; exactly one field is set (the CRD enforces it). */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record ValueFrom(
    Optional<V1SecretKeySelector> secretKeyRef,
    Optional<PodTemplateHashValue> podTemplateHashValue,
    Optional<FieldRef> fieldRef) {

  public ValueFrom {
    secretKeyRef = Copies.optional(secretKeyRef);
    podTemplateHashValue = Copies.optional(podTemplateHashValue);
    fieldRef = Copies.optional(fieldRef);
  }

  public static ValueFrom secret(String name, String key) {
    V1SecretKeySelector ref = new V1SecretKeySelector().name(name).key(key);
    return new ValueFrom(Optional.of(ref), Optional.empty(), Optional.empty());
  }

  public static ValueFrom podTemplateHash(PodTemplateHashValue which) {
    return new ValueFrom(Optional.empty(), Optional.of(which), Optional.empty());
  }

  public static ValueFrom field(String fieldPath) {
    return new ValueFrom(Optional.empty(), Optional.empty(), Optional.of(new FieldRef(fieldPath)));
  }
}
