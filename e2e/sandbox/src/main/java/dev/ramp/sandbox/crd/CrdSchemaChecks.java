package dev.ramp.sandbox.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.api.validation.SchemaException;
import dev.ramp.api.validation.StructuralSchema;
import dev.ramp.sandbox.validation.FieldErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks kube-apiserver v1.28 makes on one {@code openAPIV3Schema} of a CRD before it builds a
 * structural schema from it (apiextensions' validateCustomResourceDefinitionValidation), with its
 * words: the root-of-schema rule when the status subresource is on, then the keywords OpenAPI v3
 * allows but CRDs do not. Go's notion of an unset field decides, so the {@code []} and {@code {}}
 * client-java's typed models send count as set where Go's check is "not nil" (A10).
 */
final class CrdSchemaChecks {
  /** apiextensions.JSONSchemaProps' fields in declaration order: Go field name and JSON key. */
  private static final List<Map.Entry<String, String>> FIELDS = List.of(
      Map.entry("ID", "id"), Map.entry("Schema", "$schema"), Map.entry("Ref", "$ref"),
      Map.entry("Description", "description"), Map.entry("Type", "type"), Map.entry("Nullable", "nullable"),
      Map.entry("Format", "format"), Map.entry("Title", "title"), Map.entry("Default", "default"),
      Map.entry("Maximum", "maximum"), Map.entry("ExclusiveMaximum", "exclusiveMaximum"),
      Map.entry("Minimum", "minimum"), Map.entry("ExclusiveMinimum", "exclusiveMinimum"),
      Map.entry("MaxLength", "maxLength"), Map.entry("MinLength", "minLength"), Map.entry("Pattern", "pattern"),
      Map.entry("MaxItems", "maxItems"), Map.entry("MinItems", "minItems"), Map.entry("UniqueItems", "uniqueItems"),
      Map.entry("MultipleOf", "multipleOf"), Map.entry("Enum", "enum"), Map.entry("MaxProperties", "maxProperties"),
      Map.entry("MinProperties", "minProperties"), Map.entry("Required", "required"), Map.entry("Items", "items"),
      Map.entry("AllOf", "allOf"), Map.entry("OneOf", "oneOf"), Map.entry("AnyOf", "anyOf"), Map.entry("Not", "not"),
      Map.entry("Properties", "properties"), Map.entry("AdditionalProperties", "additionalProperties"),
      Map.entry("PatternProperties", "patternProperties"), Map.entry("Dependencies", "dependencies"),
      Map.entry("AdditionalItems", "additionalItems"), Map.entry("Definitions", "definitions"),
      Map.entry("ExternalDocs", "externalDocs"), Map.entry("Example", "example"),
      Map.entry("XPreserveUnknownFields", "x-kubernetes-preserve-unknown-fields"),
      Map.entry("XEmbeddedResource", "x-kubernetes-embedded-resource"),
      Map.entry("XIntOrString", "x-kubernetes-int-or-string"),
      Map.entry("XListMapKeys", "x-kubernetes-list-map-keys"), Map.entry("XListType", "x-kubernetes-list-type"),
      Map.entry("XMapType", "x-kubernetes-map-type"), Map.entry("XValidations", "x-kubernetes-validations"));

  /** validation.go's allowedFieldsAtRootSchema, printed as Go prints a []string. */
  private static final List<String> ALLOWED_AT_ROOT = List.of("Description", "Type", "Format", "Title", "Maximum",
      "ExclusiveMaximum", "Minimum", "ExclusiveMinimum", "MaxLength", "MinLength", "Pattern", "MaxItems", "MinItems",
      "UniqueItems", "MultipleOf", "Required", "Items", "Properties", "ExternalDocs", "Example",
      "XPreserveUnknownFields", "XValidations");

  private static final List<String> OPENAPI_TYPES = List.of("array", "boolean", "integer", "number", "object", "string");

  /** Keywords whose empty map a server treats as unset ({@code len(...) != 0}), unlike {@code dependencies}. */
  private static final List<String> UNSET_WHEN_EMPTY = List.of("patternProperties", "definitions");

  private CrdSchemaChecks() {}

  /**
   * The errors of one schema, reported under {@code path + ".openAPIV3Schema"} ({@code spec.validation}
   * when every version has the same schema, else {@code spec.versions[i].schema}). The structural
   * checks of {@link StructuralSchema#compile} count only when nothing above failed, as on a server.
   */
  static List<FieldError> validate(JsonNode schema, String path, boolean statusEnabled) {
    String root = path + ".openAPIV3Schema";
    List<FieldError> errors = new ArrayList<>();
    if (statusEnabled) {
      rootOfSchema(schema, root).ifPresent(errors::add);
    }
    if (schema.path("nullable").asBoolean(false)) {
      errors.add(FieldErrors.forbidden(root + ".nullable", "nullable cannot be true at the root"));
    }
    walk(schema, root, errors);
    if (errors.isEmpty()) {
      try {
        StructuralSchema.compile(compilable(schema));
      } catch (SchemaException e) {
        errors.add(FieldErrors.invalid(root, "\"object\"", e.getMessage()));
      }
    }
    return errors;
  }

  /**
   * The schema as the structural-schema builder sees it: {@code patternProperties: {}} and
   * {@code definitions: {}} are unset to a server, so they are dropped before compiling.
   */
  static JsonNode compilable(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = schema.deepCopy();
    dropEmpty(copy);
    return copy;
  }

  private static void dropEmpty(JsonNode node) {
    if (node instanceof ObjectNode object) {
      UNSET_WHEN_EMPTY.forEach(keyword -> {
        if (object.path(keyword).isObject() && object.get(keyword).isEmpty()) {
          object.remove(keyword);
        }
      });
      object.forEach(CrdSchemaChecks::dropEmpty);
    } else if (node.isArray()) {
      node.forEach(CrdSchemaChecks::dropEmpty);
    }
  }

  // The first set field, in Go's declaration order, decides; the server then stops looking.
  private static Optional<FieldError> rootOfSchema(JsonNode schema, String root) {
    for (Map.Entry<String, String> field : FIELDS) {
      JsonNode value = schema.path(field.getValue());
      if (unset(value)) {
        continue;
      }
      if (field.getKey().equals("Type")) {
        if (!value.asText().equals("object")) {
          return Optional.of(FieldErrors.invalidString(root + ".type", value.asText(),
              "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
        }
        continue;
      }
      if (!ALLOWED_AT_ROOT.contains(field.getKey())) {
        // Go prints the whole JSONSchemaProps struct (with pointer addresses) here; the sandbox abbreviates it.
        return Optional.of(FieldErrors.invalid(root, "JSONSchemaProps{...}",
            "only [" + String.join(" ", ALLOWED_AT_ROOT)
                + "] fields are allowed at the root of the schema if the status subresource is enabled"));
      }
    }
    return Optional.empty();
  }

  /** Go's zero value: absent, null, "" for strings, false for bools; [] and {} are set (not nil). */
  private static boolean unset(JsonNode value) {
    return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())
        || (value.isBoolean() && !value.booleanValue());
  }

  /** A Go pointer, map or slice field that is not nil: given, even as {} or []. */
  private static boolean present(JsonNode value) {
    return !value.isMissingNode() && !value.isNull();
  }

  // ValidateCustomResourceDefinitionOpenAPISchema with specStandardValidatorV3, in its order.
  private static void walk(JsonNode schema, String path, List<FieldError> errors) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !OPENAPI_TYPES.contains(type)) {
      errors.add(FieldErrors.notSupported(path + ".type", type, OPENAPI_TYPES));
    }
    if (!schema.path("id").asText("").isEmpty()) {
      errors.add(FieldErrors.forbidden(path + ".id", "id is not supported"));
    }
    if (present(schema.path("additionalItems"))) {
      errors.add(FieldErrors.forbidden(path + ".additionalItems", "additionalItems is not supported"));
    }
    if (!schema.path("patternProperties").isEmpty()) {
      errors.add(FieldErrors.forbidden(path + ".patternProperties", "patternProperties is not supported"));
    }
    if (!schema.path("definitions").isEmpty()) {
      errors.add(FieldErrors.forbidden(path + ".definitions", "definitions is not supported"));
    }
    if (present(schema.path("dependencies"))) {
      errors.add(FieldErrors.forbidden(path + ".dependencies", "dependencies is not supported"));
    }
    if (present(schema.path("$ref"))) {
      errors.add(FieldErrors.forbidden(path + ".$ref", "$ref is not supported"));
    }
    if (type.equals("null")) {
      errors.add(FieldErrors.forbidden(path + ".type", "type cannot be set to null, use nullable as an alternative"));
    }
    JsonNode items = schema.path("items");
    if (items.isArray() && !items.isEmpty()) {
      errors.add(FieldErrors.forbidden(path + ".items", "items must be a schema object and not an array"));
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      errors.add(FieldErrors.forbidden(path + ".uniqueItems",
          "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    JsonNode additional = schema.path("additionalProperties");
    boolean hasProperties = !schema.path("properties").isEmpty();
    if (hasProperties && (additional.isObject() || (additional.isBoolean() && !additional.booleanValue()))) {
      errors.add(FieldErrors.forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
    }
    walk(additional.isObject() ? additional : null, path + ".additionalProperties", errors);
    walkEntries(schema.path("properties"), path + ".properties", errors);
    walk(schema.get("not"), path + ".not", errors);
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      JsonNode list = schema.path(combinator);
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "." + combinator + "[" + i + "]", errors);
      }
    }
    walkEntries(schema.path("definitions"), path + ".definitions", errors);
    if (items.isObject()) {
      walk(items, path + ".items", errors);
    } else {
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), path + ".items[" + i + "]", errors);
      }
    }
    walkEntries(schema.path("dependencies"), path + ".dependencies", errors);
    JsonNode preserve = schema.path("x-kubernetes-preserve-unknown-fields");
    if (preserve.isBoolean() && !preserve.booleanValue()) {
      errors.add(FieldErrors.invalid(path + ".x-kubernetes-preserve-unknown-fields", "false", "must be true or undefined"));
    }
  }

  private static void walkEntries(JsonNode map, String path, List<FieldError> errors) {
    Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      walk(entry.getValue(), path + "[" + entry.getKey() + "]", errors);
    }
  }
}
