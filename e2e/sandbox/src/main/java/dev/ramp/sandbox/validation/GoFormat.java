package dev.ramp.sandbox.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.sandbox.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders values the way Go's fmt prints them in kube-apiserver messages ({@code %q}, {@code %#v}). */
public final class GoFormat {
  private GoFormat() {}

  /** Go's {@code %q}. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code map[string]string{"a":"1", "b":"2"}} with sorted keys, as %#v prints a Go map. */
  public static String stringMap(Map<String, String> map) {
    if (map == null) {
      return "map[string]string(nil)";
    }
    StringBuilder out = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      out.append(first ? "" : ", ").append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
      first = false;
    }
    return out.append('}').toString();
  }

  public static String stringSlice(List<String> values) {
    if (values == null) {
      return "[]string(nil)";
    }
    List<String> quoted = new ArrayList<>();
    values.forEach(value -> quoted.add(quote(value)));
    return "[]string{" + String.join(", ", quoted) + "}";
  }

  /** A metav1.LabelSelector as %#v prints it (SC7). */
  public static String labelSelector(JsonNode selector) {
    JsonNode matchLabels = Json.at(selector, "matchLabels");
    JsonNode expressions = Json.at(selector, "matchExpressions");
    String labels = matchLabels.isObject() ? stringMap(Json.stringMap(matchLabels)) : "map[string]string(nil)";
    String requirements;
    if (expressions.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode expression : expressions) {
        items.add("v1.LabelSelectorRequirement{Key:" + quote(Json.text(expression, "key")) + ", Operator:"
            + quote(Json.text(expression, "operator")) + ", Values:"
            + stringSlice(expression.has("values") ? Json.stringList(expression.get("values")) : null) + "}");
      }
      requirements = "[]v1.LabelSelectorRequirement{" + String.join(", ", items) + "}";
    } else {
      requirements = "[]v1.LabelSelectorRequirement(nil)";
    }
    return "v1.LabelSelector{MatchLabels:" + labels + ", MatchExpressions:" + requirements + "}";
  }
}
