package dev.ramp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.custom.Quantity;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a round trip through the Java types lost or changed. Tolerated, because they mean the same
 * to a server: empty lists and maps that client-java's models add, a timestamp written with more
 * digits, a quantity in its canonical form ({@code 0.5} as {@code 500m}).
 */
final class JsonTreeDiff {
  private JsonTreeDiff() {}

  static List<String> lostOrChanged(JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    compare("", expected, actual, differences);
    return differences;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject() && actual.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode other = actual.get(field.getKey());
        String fieldPath = path + "." + field.getKey();
        if (other == null) {
          if (!isEmpty(field.getValue())) {
            out.add(fieldPath + ": lost (was " + field.getValue() + ")");
          }
        } else {
          compare(fieldPath, field.getValue(), other, out);
        }
      }
      Iterator<Map.Entry<String, JsonNode>> added = actual.fields();
      while (added.hasNext()) {
        Map.Entry<String, JsonNode> field = added.next();
        if (!expected.has(field.getKey()) && !isEmpty(field.getValue())) {
          out.add(path + "." + field.getKey() + ": added " + field.getValue());
        }
      }
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": " + expected.size() + " items became " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      }
    } else if (!sameValue(expected, actual)) {
      out.add(path + ": " + expected + " became " + actual);
    }
  }

  private static boolean isEmpty(JsonNode node) {
    return node.isNull() || ((node.isArray() || node.isObject()) && node.isEmpty());
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isTextual() && actual.isTextual()) {
      return sameInstant(expected.asText(), actual.asText()) || sameQuantity(expected.asText(), actual.asText());
    }
    return false;
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean sameQuantity(String a, String b) {
    try {
      return Quantity.fromString(a).getNumber().compareTo(Quantity.fromString(b).getNumber()) == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
