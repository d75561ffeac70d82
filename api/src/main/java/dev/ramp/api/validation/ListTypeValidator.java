package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The uniqueness of {@code x-kubernetes-list-type: set} items and of {@code map} keys, reported as
 * apiextensions' listtype package does: at the second occurrence, as a {@code Duplicate value}.
 */
final class ListTypeValidator {

  private ListTypeValidator() {}

  static List<FieldError> validate(SchemaNode schema, JsonNode object) {
    List<FieldError> out = new ArrayList<>();
    object(schema, object, "", out);
    return out;
  }

  private static void object(SchemaNode s, JsonNode obj, String path, List<FieldError> out) {
    if (s == null || obj == null || !obj.isObject()) {
      return;
    }
    if (s.additionalProperties != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        value(s.additionalProperties, e.getValue(), path + "[" + e.getKey() + "]", out);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      SchemaNode sub = s.properties.get(e.getKey());
      if (sub != null) {
        value(sub, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    }
  }

  private static void value(SchemaNode s, JsonNode v, String path, List<FieldError> out) {
    if (v.isArray()) {
      array(s, v, path, out);
    } else if (v.isObject()) {
      object(s, v, path, out);
    }
  }

  private static void array(SchemaNode s, JsonNode arr, String path, List<FieldError> out) {
    if ("set".equals(s.listType)) {
      List<Object> items = new ArrayList<>();
      arr.forEach(item -> items.add(JsonValues.toGo(item)));
      for (int i : secondOccurrences(items)) {
        out.add(FieldErrors.duplicate(path + "[" + i + "]", items.get(i)));
      }
    } else if ("map".equals(s.listType)) {
      mapList(s, arr, path, out);
    }
    if (s.items != null) {
      for (int i = 0; i < arr.size(); i++) {
        value(s.items, arr.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static void mapList(SchemaNode s, JsonNode arr, String path, List<FieldError> out) {
    for (int i = 0; i < arr.size(); i++) {
      JsonNode item = arr.get(i);
      if (!item.isNull() && !item.isObject()) {
        out.add(FieldErrors.invalid(path + "[" + i + "]", JsonValues.toGo(item),
            "must be an object for an array of list-type map"));
        return;
      }
    }
    List<Object> keys = new ArrayList<>();
    for (JsonNode item : arr) {
      Map<String, Object> key = new LinkedHashMap<>();
      for (String keyField : s.listMapKeys) {
        if (item.isObject() && item.has(keyField)) {
          key.put(keyField, JsonValues.toGo(item.get(keyField)));
        }
      }
      keys.add(key);
    }
    for (int i : secondOccurrences(keys)) {
      out.add(FieldErrors.duplicate(path + "[" + i + "]", keys.get(i)));
    }
  }

  /** Indices of values seen for the second time (a third occurrence is not reported again). */
  private static List<Integer> secondOccurrences(List<Object> values) {
    Map<Object, Integer> seen = new HashMap<>();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int times = seen.merge(canonical(values.get(i)), 1, Integer::sum);
      if (times == 2) {
        out.add(i);
      }
    }
    return out;
  }

  // Doubles that hold whole numbers compare equal to longs, as JSON numbers do.
  private static Object canonical(Object v) {
    if (v instanceof Double d && JsonValues.isIntegral(d) && Math.abs(d) < 9.2e18) {
      return d.longValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new HashMap<>();
      m.forEach((k, val) -> out.put(k, canonical(val)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ListTypeValidator::canonical).toList();
    }
    return v == null ? "\u0000null" : v;
  }
}
