package dev.ramp.api.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats kube-apiserver checks in custom resources (go-openapi strfmt's registry), and
 * the conversions CEL applies to {@code date-time} and {@code duration} strings.
 */
final class Formats {

  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern TIME =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern UUID3 = Pattern.compile(
      "^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern UUID4 = Pattern.compile(
      "^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern UUID5 = Pattern.compile(
      "^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV4 =
      Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
  private static final Pattern MAC = Pattern.compile(
      "^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\\.){2}[0-9a-fA-F]{4}$");
  private static final Pattern HOSTNAME_LABEL = Pattern.compile("^[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern HEXCOLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
  private static final Pattern RGBCOLOR = Pattern.compile(
      "^rgb\\(\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])"
          + "\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*\\)$");
  private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
  private static final Pattern BSON_OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
  private static final Pattern GO_DURATION =
      Pattern.compile("^[-+]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+$");
  private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Pattern LONG_DURATION = Pattern.compile("^(?:(\\d+)\\s*([A-Za-zµ]+)\\s*)+$");
  private static final Pattern LONG_DURATION_PART = Pattern.compile("(\\d+)\\s*([A-Za-zµ]+)");
  private static final Map<String, Long> LONG_DURATION_UNITS_NANOS = Map.ofEntries(
      Map.entry("ns", 1L), Map.entry("us", 1_000L), Map.entry("µs", 1_000L),
      Map.entry("ms", 1_000_000L), Map.entry("s", 1_000_000_000L), Map.entry("sec", 1_000_000_000L),
      Map.entry("second", 1_000_000_000L), Map.entry("seconds", 1_000_000_000L),
      Map.entry("m", 60_000_000_000L), Map.entry("min", 60_000_000_000L),
      Map.entry("minute", 60_000_000_000L), Map.entry("minutes", 60_000_000_000L),
      Map.entry("h", 3_600_000_000_000L), Map.entry("hr", 3_600_000_000_000L),
      Map.entry("hour", 3_600_000_000_000L), Map.entry("hours", 3_600_000_000_000L),
      Map.entry("d", 86_400_000_000_000L), Map.entry("day", 86_400_000_000_000L),
      Map.entry("days", 86_400_000_000_000L), Map.entry("w", 604_800_000_000_000L),
      Map.entry("wk", 604_800_000_000_000L), Map.entry("week", 604_800_000_000_000L),
      Map.entry("weeks", 604_800_000_000_000L));

  private Formats() {}

  /** Whether {@code value} is valid for {@code format}; formats we do not check pass. */
  static boolean valid(String format, String value) {
    return switch (format) {
      case "date-time", "datetime" -> isDateTime(value);
      case "date" -> isDate(value);
      case "duration" -> parseDurationNanos(value) != null;
      case "byte" -> isBase64(value);
      case "uuid" -> UUID.matcher(value).matches();
      case "uuid3" -> UUID3.matcher(value).matches();
      case "uuid4" -> UUID4.matcher(value).matches();
      case "uuid5" -> UUID5.matcher(value).matches();
      case "ipv4" -> IPV4.matcher(value).matches();
      case "ipv6" -> isIpv6(value);
      case "cidr" -> isCidr(value);
      case "mac" -> MAC.matcher(value).matches();
      case "hostname" -> isHostname(value);
      case "email" -> EMAIL.matcher(value).matches();
      case "uri" -> isUri(value);
      case "hexcolor" -> HEXCOLOR.matcher(value).matches();
      case "rgbcolor" -> RGBCOLOR.matcher(value).matches();
      case "ssn" -> SSN.matcher(value).matches();
      case "bsonobjectid" -> BSON_OBJECT_ID.matcher(value).matches();
      default -> true; // isbn, creditcard, password: not worth approximating
    };
  }

  static boolean isDateTime(String value) {
    if (value.length() < 4) {
      return false;
    }
    String[] parts = value.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = TIME.matcher(parts[1]);
    if (!m.matches()) {
      return false;
    }
    return Integer.parseInt(m.group(1)) <= 23 && Integer.parseInt(m.group(2)) <= 59
        && Integer.parseInt(m.group(3)) <= 59;
  }

  static boolean isDate(String value) {
    if (!DATE.matcher(value).matches()) {
      return false;
    }
    try {
      LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A {@code date-time} string as the instant CEL sees, or null if it does not parse. */
  static OffsetDateTime parseDateTime(String value) {
    try {
      return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A {@code duration} string in nanoseconds (Go syntax, or strfmt's "3 days"), or null. */
  static Long parseDurationNanos(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (GO_DURATION.matcher(value).matches()) {
      boolean negative = value.startsWith("-");
      double nanos = 0;
      Matcher m = GO_DURATION_PART.matcher(value);
      while (m.find()) {
        nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
      }
      return (long) (negative ? -nanos : nanos);
    }
    if ("0".equals(value)) {
      return 0L;
    }
    if (LONG_DURATION.matcher(value).matches()) {
      long nanos = 0;
      Matcher m = LONG_DURATION_PART.matcher(value);
      while (m.find()) {
        Long unit = LONG_DURATION_UNITS_NANOS.get(m.group(2));
        if (unit == null) {
          return null;
        }
        nanos += Long.parseLong(m.group(1)) * unit;
      }
      return nanos;
    }
    return null;
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> 3_600_000_000_000L;
    };
  }

  private static boolean isBase64(String value) {
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isIpv6(String value) {
    if (!value.contains(":") || value.contains("%") || value.startsWith("[")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address
          || value.chars().filter(c -> c == ':').count() >= 2;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static boolean isCidr(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = value.substring(0, slash);
    String bits = value.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (IPV4.matcher(ip).matches()) {
      return n <= 32;
    }
    return isIpv6(ip) && n <= 128;
  }

  private static boolean isHostname(String value) {
    if (value.isEmpty() || value.length() > 255) {
      return false;
    }
    String host = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    for (String label : host.split("\\.", -1)) {
      if (!HOSTNAME_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUri(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() || value.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
