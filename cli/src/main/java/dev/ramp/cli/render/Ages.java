package dev.ramp.cli.render;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Ages as kubectl prints them: {@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}. */
public final class Ages {
  private Ages() {}

  public static String since(Optional<Instant> then, Instant now) {
    return then.map(t -> of(Duration.between(t, now))).orElse("-");
  }

  public static String of(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 120 * 60) {
      return seconds / 60 + "m";
    }
    if (seconds < 48 * 3600) {
      return seconds / 3600 + "h";
    }
    return seconds / 86400 + "d";
  }
}
