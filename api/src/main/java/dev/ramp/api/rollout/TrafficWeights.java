package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/**
 * The weights last written to the traffic router.
 *
 * @param verified the router was read back and carries these weights
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record TrafficWeights(WeightDestination canary, WeightDestination stable, Optional<Boolean> verified) {

  public TrafficWeights {
    verified = Copies.optional(verified);
  }

  public static TrafficWeights of(WeightDestination canary, WeightDestination stable) {
    return new TrafficWeights(canary, stable, Optional.empty());
  }
}
