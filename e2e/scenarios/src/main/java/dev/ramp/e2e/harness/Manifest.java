package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ramp.api.json.Manifests;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Manifest text: YAML documents as JSON trees, and {@code ${NAME}} placeholders filled in. */
public final class Manifest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

  private Manifest() {}

  /** Every non-empty document of a (multi-document) YAML text, in order (as {@code ramp-api} reads manifests). */
  public static List<ObjectNode> parse(String yaml) {
    return Manifests.readAll(yaml);
  }

  /**
   * Replaces {@code ${NAME}} with the value given for NAME.
   *
   * @throws IllegalArgumentException naming a placeholder without a value
   */
  public static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for ${" + m.group(1) + "} (given: " + values.keySet() + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** An object as YAML, for messages a person reads. */
  public static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node).replaceFirst("^---\\s*\\n", "");
    } catch (IOException e) {
      return node.toString();
    }
  }
}
