package dev.ramp.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset printer columns use: {@code .a.b}, {@code .a[0]}, {@code .a[?(@.type=="Ready")].status}.
 */
final class JsonPaths {
  private static final Pattern FILTER = Pattern.compile("\\?\\(@\\.([\\w.-]+)\\s*==\\s*['\"]([^'\"]*)['\"]\\)");

  private JsonPaths() {}

  static JsonNode evaluate(JsonNode root, String path) {
    String expression = path.trim();
    if (expression.startsWith("{") && expression.endsWith("}")) {
      expression = expression.substring(1, expression.length() - 1);
    }
    if (expression.startsWith("$")) {
      expression = expression.substring(1);
    }
    JsonNode current = root;
    int i = 0;
    while (i < expression.length() && current != null && !current.isMissingNode()) {
      char c = expression.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < expression.length() && expression.charAt(end) != '.' && expression.charAt(end) != '[') {
          end++;
        }
        current = current.path(expression.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = expression.indexOf(']', i);
        if (end < 0) {
          return MissingNode.getInstance();
        }
        String inner = expression.substring(i + 1, end);
        Matcher filter = FILTER.matcher(inner);
        if (filter.matches()) {
          JsonNode found = MissingNode.getInstance();
          for (JsonNode element : current) {
            JsonNode value = element;
            for (String segment : filter.group(1).split("\\.")) {
              value = value.path(segment);
            }
            if (value.asText().equals(filter.group(2))) {
              found = element;
              break;
            }
          }
          current = found;
        } else {
          try {
            current = current.path(Integer.parseInt(inner.trim()));
          } catch (NumberFormatException e) {
            return MissingNode.getInstance();
          }
        }
        i = end + 1;
      } else {
        return MissingNode.getInstance();
      }
    }
    return current == null ? MissingNode.getInstance() : current;
  }
}
