package dev.ramp.sandbox.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON and YAML handling shared by the whole sandbox: one mapper, null-free accessors. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** The node at a path of field names, or a MissingNode. */
  public static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      if (current == null || !current.isObject()) {
        return MissingNode.getInstance();
      }
      current = current.get(field);
    }
    return current == null ? MissingNode.getInstance() : current;
  }

  /** The text at a path, or "" when absent or not textual. */
  public static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isTextual() ? value.asText() : value.isNumber() || value.isBoolean() ? value.asText() : "";
  }

  public static boolean has(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return !value.isMissingNode() && !value.isNull();
  }

  /** The child object of {@code parent} named {@code field}, created (or replacing a non-object) when needed. */
  public static ObjectNode child(ObjectNode parent, String field) {
    JsonNode existing = parent.get(field);
    if (existing instanceof ObjectNode object) {
      return object;
    }
    return parent.putObject(field);
  }

  /** The metadata object of a Kubernetes object, created when absent. */
  public static ObjectNode metadata(ObjectNode object) {
    return child(object, "metadata");
  }

  /** A string map such as labels or annotations: empty when absent. */
  public static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        map.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString());
      }
    }
    return map;
  }

  public static List<String> stringList(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(element -> list.add(element.asText()));
    }
    return list;
  }

  /**
   * Sorts the keys of every object, in place, as Go's encoding/json writes a map: how a real server
   * returns custom resources, which it keeps as unstructured maps.
   */
  public static void sortKeys(JsonNode node) {
    if (node instanceof ObjectNode object) {
      java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
      object.fields().forEachRemaining(field -> sorted.put(field.getKey(), field.getValue()));
      object.removeAll();
      sorted.forEach((key, value) -> {
        sortKeys(value);
        object.set(key, value);
      });
    } else if (node != null && node.isArray()) {
      node.forEach(Json::sortKeys);
    }
  }

  public static JsonNode parseYaml(String text) throws IOException {
    return YAML.readTree(text);
  }

  /** Every non-empty document of a multi-document YAML (or JSON) text. */
  public static List<JsonNode> parseYamlDocuments(String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(text)) {
      var iterator = YAML.readValues(parser, JsonNode.class);
      while (iterator.hasNext()) {
        JsonNode document = iterator.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String string(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
