package dev.ramp.sandbox.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Kubernetes' two timestamp types: {@code Time} is stored with second precision
 * ({@code 2026-11-21T15:26:34Z}), {@code MicroTime} with exactly six fractional digits
 * ({@code 2026-11-21T15:27:15.935000Z}), both in UTC whatever offset the client sent.
 */
public final class Timestamps {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String time(Instant instant) {
    return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  public static String microTime(Instant instant) {
    return MICRO_TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  public static Optional<Instant> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Rewrites {@code object.field} as a Time when it parses; leaves it alone otherwise. */
  public static void normalizeTime(ObjectNode object, String field) {
    normalize(object, field, false);
  }

  public static void normalizeMicroTime(ObjectNode object, String field) {
    normalize(object, field, true);
  }

  private static void normalize(ObjectNode object, String field, boolean micro) {
    if (object == null) {
      return;
    }
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual()) {
      return;
    }
    parse(value.asText()).ifPresent(instant -> object.put(field, micro ? microTime(instant) : time(instant)));
  }

  /** Normalizes every {@code *Time} field of each condition in {@code status.conditions}. */
  public static void normalizeConditions(JsonNode status) {
    JsonNode conditions = Json.at(status, "conditions");
    if (!conditions.isArray()) {
      return;
    }
    for (JsonNode condition : conditions) {
      if (condition instanceof ObjectNode object) {
        var names = new java.util.ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (name.endsWith("Time")) {
            normalizeTime(object, name);
          }
        }
      }
    }
  }
}
