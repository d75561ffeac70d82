package dev.ramp.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the controller runs ({@code ramp.controller.*} in application.yml).
 *
 * @param workers Rollouts reconciled at once (each Rollout is only ever reconciled by one worker at a time)
 * @param resync how often every Rollout is reconciled again even when nothing changed
 * @param requestTimeout read timeout of the API client that reads and writes (not of watches)
 * @param backoffBase first delay before a failed reconcile is tried again; it doubles with each failure
 * @param backoffMax the longest delay between tries of a Rollout that keeps failing
 */
@ConfigurationProperties("ramp.controller")
public record ControllerSettings(
    @Bindable(defaultValue = "4") int workers,
    @Bindable(defaultValue = "5m") Duration resync,
    @Bindable(defaultValue = "30s") Duration requestTimeout,
    @Bindable(defaultValue = "10ms") Duration backoffBase,
    @Bindable(defaultValue = "2m") Duration backoffMax) {

  public ControllerSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("ramp.controller.workers must be at least 1, not " + workers);
    }
  }
}
