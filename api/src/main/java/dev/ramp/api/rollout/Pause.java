package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import dev.ramp.api.value.Durations;
import io.kubernetes.client.custom.IntOrString;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code pause} action. Without a duration ({@code pause: {}}) the rollout waits until it is
 * promoted; with one it resumes by itself.
 *
 * @param duration a Go duration ({@code 30s}) or a whole number of seconds, as Argo accepts
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record Pause(Optional<IntOrString> duration) implements CanaryStepAction {

  public Pause {
    duration = Copies.optional(duration);
  }

  /** {@code pause: {}}: wait for promotion. */
  public static Pause untilPromoted() {
    return new Pause(Optional.empty());
  }

  /** {@code pause: {duration: 30s}}. */
  public static Pause of(String duration) {
    return new Pause(Optional.of(new IntOrString(duration)));
  }

  /** True when the pause lasts until someone promotes the rollout. */
  public boolean isUntilPromoted() {
    return duration.isEmpty();
  }

  /**
   * The duration, parsed; empty when the pause waits for promotion.
   *
   * @throws dev.ramp.api.value.DurationFormatException if it is malformed (the CRD rejects that)
   */
  public Optional<Duration> parsedDuration() {
    return duration.map(Durations::parseSecondsOrDuration);
  }
}
