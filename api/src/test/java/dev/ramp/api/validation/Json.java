package dev.ramp.api.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Test helpers: objects and schemas written as YAML or JSON text. */
final class Json {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private Json() {}

  static ObjectNode object(String yamlOrJson) {
    return (ObjectNode) node(yamlOrJson);
  }

  static JsonNode node(String yamlOrJson) {
    try {
      return YAML.readTree(yamlOrJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Strict JSON, parsed much faster than YAML (for loops). */
  static ObjectNode json(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static StructuralSchema schema(String yaml) {
    return StructuralSchema.compile(node(yaml));
  }

  /** The Canary test kind of REAL-APISERVER.md, from the test CRD fixtures. */
  static CustomResourceDefinition canaryCrd() {
    return CustomResourceDefinitions.fromClasspath("validation/crds")
        .byKind("fidelity.example.com", "Canary")
        .orElseThrow();
  }

  static StructuralSchema canary() {
    return canaryCrd().version("v1").orElseThrow().schema();
  }

  static ObjectNode canaryObject(String name, String spec) {
    return json("{\"apiVersion\": \"fidelity.example.com/v1\", \"kind\": \"Canary\", \"metadata\": {\"name\": \""
        + name + "\", \"namespace\": \"fid\"}, \"spec\": " + spec + "}");
  }
}
