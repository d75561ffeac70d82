package dev.ramp.controller.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The controller's one source of time; tests register their own {@link Clock} instead. */
@Factory
public class ClockFactory {

  @Singleton
  @Requires(missingBeans = Clock.class)
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
