package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON values as kube-apiserver's unstructured decoding sees them: int64 or float64, map, slice. */
final class JsonValues {

  private JsonValues() {}

  /** The JSON schema type name of a value: object, array, string, integer, number, boolean, null. */
  static String typeOf(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (isInt64(node)) {
      return "integer";
    }
    if (node.isNumber()) {
      return "number";
    }
    // binary, POJO: never produced by a JSON/YAML parser
    return "string";
  }

  /** Whether the Go JSON decoder would have produced an int64 for this number. */
  static boolean isInt64(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong();
  }

  static boolean isIntegral(double d) {
    return !Double.isInfinite(d) && d == Math.rint(d);
  }

  /** The decoded value: null, String, Long, Double, Boolean, Map (ordered) or List. */
  static Object toGo(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return isInt64(node) ? (Object) node.longValue() : (Object) node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      node.forEach(item -> out.add(toGo(item)));
      return out;
    }
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> out.put(e.getKey(), toGo(e.getValue())));
      return out;
    }
    return node.asText();
  }

  /** JSON equality with numbers compared by value (1 equals 1.0), as Go's DeepEqual after decoding. */
  static boolean equal(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull() || a.isMissingNode();
    boolean bNull = b == null || b.isNull() || b.isMissingNode();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (a.isNumber() && b.isNumber()) {
      if (isInt64(a) && isInt64(b)) {
        return a.longValue() == b.longValue();
      }
      return a.doubleValue() == b.doubleValue();
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!b.has(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  static boolean isNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }
}
