package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/**
 * The {@code setCanaryScale} action: scales the canary apart from its traffic weight (with a
 * traffic router). Exactly one field is set.
 *
 * @param weight canary replicas as a percentage of {@code spec.replicas}
 * @param replicas an absolute number of canary replicas
 * @param matchTrafficWeight go back to scaling the canary with its traffic weight
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record SetCanaryScale(Optional<Integer> weight, Optional<Integer> replicas, Optional<Boolean> matchTrafficWeight)
    implements CanaryStepAction {

  public SetCanaryScale {
    weight = Copies.optional(weight);
    replicas = Copies.optional(replicas);
    matchTrafficWeight = Copies.optional(matchTrafficWeight);
  }

  public static SetCanaryScale ofWeight(int weight) {
    return new SetCanaryScale(Optional.of(weight), Optional.empty(), Optional.empty());
  }

  public static SetCanaryScale ofReplicas(int replicas) {
    return new SetCanaryScale(Optional.empty(), Optional.of(replicas), Optional.empty());
  }

  public static SetCanaryScale matchingTrafficWeight() {
    return new SetCanaryScale(Optional.empty(), Optional.empty(), Optional.of(true));
  }
}
