package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** How a new revision replaces the old one: exactly one of canary or blueGreen (the CRD enforces it). */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RolloutStrategy(Optional<CanaryStrategy> canary, Optional<BlueGreenStrategy> blueGreen) {

  public RolloutStrategy {
    canary = Copies.optional(canary);
    blueGreen = Copies.optional(blueGreen);
  }

  public static RolloutStrategy canary(CanaryStrategy canary) {
    return new RolloutStrategy(Optional.of(canary), Optional.empty());
  }

  public static RolloutStrategy blueGreen(BlueGreenStrategy blueGreen) {
    return new RolloutStrategy(Optional.empty(), Optional.of(blueGreen));
  }

  public boolean isCanary() {
    return canary.isPresent();
  }

  public boolean isBlueGreen() {
    return blueGreen.isPresent();
  }
}
