package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** A share of traffic, the Service it goes to and the pod-template hash behind it. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record WeightDestination(int weight, Optional<String> serviceName, Optional<String> podTemplateHash) {

  public WeightDestination {
    serviceName = Copies.optional(serviceName);
    podTemplateHash = Copies.optional(podTemplateHash);
  }

  public static WeightDestination of(int weight, String serviceName, String podTemplateHash) {
    return new WeightDestination(weight, Optional.ofNullable(serviceName), Optional.ofNullable(podTemplateHash));
  }
}
