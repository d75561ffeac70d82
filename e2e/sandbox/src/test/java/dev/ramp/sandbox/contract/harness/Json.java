package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** JSON and YAML text to Jackson trees and back, for request bodies and assertions on answers. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}

  /** Parses JSON text; single quotes are accepted so that test bodies in text blocks stay readable. */
  public static ObjectNode object(String json) {
    try {
      JsonNode node = MAPPER.readTree(json.replace('\'', '"'));
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("not a JSON object: " + json);
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** Parses JSON text as is (no quote replacement); empty or unparsable text gives a missing node. */
  public static JsonNode parseLenient(String text) {
    if (text == null || text.isBlank()) {
      return MAPPER.missingNode();
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return MAPPER.missingNode();
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every document of a multi-document YAML text, skipping empty ones. */
  public static List<ObjectNode> yamlDocuments(String yaml) {
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      List<ObjectNode> documents = new ArrayList<>();
      for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
          documents.add(object);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names ({@code metadata.name}) of a LIST answer's items, in the order the server sent them. */
  public static List<String> itemNames(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("items").forEach(item -> names.add(item.path("metadata").path("name").asText()));
    return names;
  }
}
