package dev.ramp.sandbox.http;

import dev.ramp.sandbox.errors.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** A request's query parameters (the first value of each). */
record Query(Map<String, String> values) {
  static Query parse(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.putIfAbsent(key, value);
      }
    }
    return new Query(values);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  String get(String key) {
    return values.getOrDefault(key, "");
  }

  boolean flag(String key) {
    String value = values.get(key);
    return value != null && (value.equals("true") || value.equals("1") || value.isEmpty());
  }

  OptionalLong number(String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid " + key + ": " + value);
    }
  }
}
