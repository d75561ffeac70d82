package dev.ramp.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonParseException;
import dev.ramp.api.RampKind;
import dev.ramp.api.RampObject;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifests between their three forms: YAML text, JSON trees (what schema validation works on)
 * and the Java types (through client-java's Gson, as the API client reads them).
 */
public final class Manifests {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

  private Manifests() {}

  /**
   * Every document of a (multi-document) YAML or JSON text, in order, empty documents skipped.
   *
   * @throws IllegalArgumentException if the text is not YAML or a document is not an object
   */
  public static List<ObjectNode> readAll(String text) {
    List<ObjectNode> documents = new ArrayList<>();
    try (var parser = YAML.createParser(text)) {
      var it = YAML.readValues(parser, JsonNode.class);
      int index = 0;
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        index++;
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        if (!node.isObject()) {
          throw new IllegalArgumentException("document " + index + " is not an object but " + node.getNodeType());
        }
        documents.add((ObjectNode) node);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  /** The JSON tree of an object as client-java's Gson writes it. */
  public static ObjectNode toTree(Object object) {
    try {
      return (ObjectNode) JSON_MAPPER.readTree(JSON.serialize(object));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a JSON tree as a Java type with client-java's Gson.
   *
   * @throws IllegalArgumentException saying where, when the tree does not fit the type
   */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return JSON.deserialize(tree.toString(), type);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A Ramp manifest as its Java type ({@code Rollout}, {@code AnalysisTemplate}, ...), chosen by its
   * {@code apiVersion} and {@code kind}.
   *
   * @throws IllegalArgumentException if the manifest is not one of Ramp's kinds
   */
  public static RampObject toObject(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    RampKind rampKind = RampKind.of(apiVersion, kind).orElseThrow(() ->
        new IllegalArgumentException(apiVersion + " " + kind + " is not one of Ramp's kinds"));
    return fromTree(manifest, rampKind.type());
  }
}
