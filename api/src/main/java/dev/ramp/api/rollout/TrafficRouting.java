package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** How a canary's traffic is split; Istio is the only router so far. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record TrafficRouting(Optional<IstioTrafficRouting> istio) {

  public TrafficRouting {
    istio = Copies.optional(istio);
  }

  public static TrafficRouting istio(IstioTrafficRouting istio) {
    return new TrafficRouting(Optional.of(istio));
  }
}
