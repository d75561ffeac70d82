package dev.ramp.api.value;

import io.kubernetes.client.custom.IntOrString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Durations as Go's {@code time.ParseDuration} reads them and {@code Duration.String} writes them
 * ({@code 30s}, {@code 1m30s}, {@code 1.5h}, {@code 500ms}), the syntax Argo Rollouts and Kubernetes
 * users write in manifests. Negative durations are rejected: nothing in Ramp waits a negative time.
 */
public final class Durations {
  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "\u00b5s", 1_000L, // micro sign, as Go writes it
      "\u03bcs", 1_000L, // Greek mu, which Go also accepts
      "ms", 1_000_000L,
      "s", 1_000_000_000L,
      "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /**
   * Parses a Go duration: a sequence of decimal numbers, each with an optional fraction and a unit
   * ({@code ns, us, µs, ms, s, m, h}); {@code "0"} alone needs no unit.
   *
   * @throws DurationFormatException when the text is not such a duration, saying why
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new DurationFormatException(text == null ? "" : text, "it is empty");
    }
    String s = text;
    if (s.startsWith("-")) {
      throw new DurationFormatException(text, "it is negative");
    }
    if (s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new DurationFormatException(text, "it has no number");
    }
    BigInteger total = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      boolean hasInteger = i > start;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
        if (!hasInteger && i == fractionStart) {
          throw new DurationFormatException(text, "\".\" must stand next to digits");
        }
      } else if (!hasInteger) {
        throw new DurationFormatException(text, "expected a number at \"" + s.substring(start) + "\"");
      }
      String number = s.substring(start, i);
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new DurationFormatException(text, "the number " + number + " has no unit");
      }
      Long nanosPerUnit = NANOS_PER_UNIT.get(unit);
      if (nanosPerUnit == null) {
        throw new DurationFormatException(text, "unknown unit \"" + unit + "\"");
      }
      String decimal = number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number;
      BigInteger nanos = new BigDecimal(decimal)
          .multiply(BigDecimal.valueOf(nanosPerUnit))
          .setScale(0, RoundingMode.DOWN)
          .toBigIntegerExact();
      total = total.add(nanos);
      if (total.compareTo(MAX_NANOS) > 0) {
        throw new DurationFormatException(text, "it is too long (at most about 292 years)");
      }
    }
    return Duration.ofNanos(total.longValueExact());
  }

  /** Whether {@link #parse} accepts the text. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (DurationFormatException e) {
      return false;
    }
  }

  /**
   * Reads a duration that may also be a whole number of seconds, as Argo Rollouts' pause duration
   * and Prometheus timeout are: {@code 30}, {@code "30"} and {@code "30s"} are all thirty seconds.
   */
  public static Duration parseSecondsOrDuration(IntOrString value) {
    if (value.isInteger()) {
      int seconds = value.getIntValue();
      if (seconds < 0) {
        throw new DurationFormatException(Integer.toString(seconds), "it is negative");
      }
      return Duration.ofSeconds(seconds);
    }
    String text = value.getStrValue();
    if (!text.isEmpty() && text.chars().allMatch(Durations::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    return parse(text);
  }

  /** Writes a duration as Go does: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration duration) {
    return format(duration, false);
  }

  /**
   * Writes a duration for people, like {@link #format} but without zero parts: {@code 1h},
   * {@code 1h30m}, {@code 1m30s}, {@code 500ms}. {@link #parse} reads it back.
   */
  public static String formatCompact(Duration duration) {
    return format(duration, true);
  }

  private static String format(Duration duration, boolean compact) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated(), compact);
    }
    if (duration.isZero()) {
      return "0s";
    }
    long nanos = duration.toNanos();
    if (nanos < 1_000L) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return decimal(nanos, 1_000L) + "\u00b5s";
    }
    if (nanos < 1_000_000_000L) {
      return decimal(nanos, 1_000_000L) + "ms";
    }
    long hours = nanos / 3_600_000_000_000L;
    long minutes = (nanos / 60_000_000_000L) % 60;
    long secondNanos = nanos % 60_000_000_000L;
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      if (!compact || minutes > 0) {
        out.append(minutes).append('m');
      }
    }
    if (!compact || secondNanos > 0 || out.length() == 0) {
      out.append(decimal(secondNanos, 1_000_000_000L)).append('s');
    }
    return out.toString();
  }

  private static String decimal(long value, long unit) {
    BigDecimal d = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return d.toPlainString();
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
