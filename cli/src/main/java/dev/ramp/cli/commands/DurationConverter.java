package dev.ramp.cli.commands;

import dev.ramp.api.value.DurationFormatException;
import dev.ramp.api.value.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code --timeout 30s}, {@code 2m}, {@code 1h30m} (Go durations, as kubectl takes them) or plain seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parseSecondsOrDuration(new io.kubernetes.client.custom.IntOrString(value));
    } catch (DurationFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 30s, 2m or 1h30m: "
          + e.getMessage());
    }
  }
}
