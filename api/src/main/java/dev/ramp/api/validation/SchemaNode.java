package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a parsed structural schema. Parsing records what a real server would refuse in the
 * CustomResourceDefinition ({@link Problems}) instead of failing on the first problem.
 */
final class SchemaNode {

  /** Where a node stands; the structural rules differ between them. */
  enum Role { ROOT, PROPERTY, ITEMS, ADDITIONAL_PROPERTIES, VALUE_VALIDATION }

  /** One {@code x-kubernetes-validations} entry as written. */
  record RuleSpec(
      int index,
      String rule,
      String message,
      String messageExpression,
      String reason,
      String fieldPath,
      boolean optionalOldSelf) {}

  static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "object", "string");

  // The formats kube-apiserver keeps for CRDs (apiextensions' supportedFormats); others are ignored.
  static final Set<String> SUPPORTED_FORMATS = Set.of(
      "bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6", "cidr", "mac", "uuid", "uuid3",
      "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor", "rgbcolor",
      "byte", "password", "date", "duration", "datetime", "date-time");

  private static final Set<String> UNSUPPORTED_KEYS =
      Set.of("$ref", "patternProperties", "dependencies", "definitions", "additionalItems");

  final String path;
  final Role role;
  final String type;
  final String format;
  final boolean nullable;
  final boolean intOrString;
  final boolean preserveUnknownFields;
  final boolean embeddedResource;
  final List<JsonNode> enumValues;
  final JsonNode defaultValue;
  final Double maximum;
  final Double minimum;
  final boolean exclusiveMaximum;
  final boolean exclusiveMinimum;
  final Double multipleOf;
  final Long maxLength;
  final Long minLength;
  final String patternSource;
  final Pattern pattern;
  final Long maxItems;
  final Long minItems;
  final Long maxProperties;
  final Long minProperties;
  final List<String> required;
  final Map<String, SchemaNode> properties;
  final SchemaNode additionalProperties;
  /** {@code additionalProperties: true}: a map whose values have no schema at all. */
  final boolean additionalPropertiesWithoutSchema;
  final SchemaNode items;
  final List<SchemaNode> allOf;
  final List<SchemaNode> anyOf;
  final List<SchemaNode> oneOf;
  final SchemaNode not;
  final String listType;
  final List<String> listMapKeys;
  final String mapType;
  final List<RuleSpec> rules;

  SchemaNode(JsonNode raw, String path, Role role, Problems problems) {
    this.path = path;
    this.role = role;
    if (raw == null || !raw.isObject()) {
      problems.add(path, "Invalid value: must be a schema object");
      raw = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    raw.fieldNames().forEachRemaining(key -> {
      // Keys a server does not know are dropped with a warning when the CRD is applied; only
      // the ones it knows and refuses are problems here.
      if (UNSUPPORTED_KEYS.contains(key)) {
        problems.add(path + "." + key, "Forbidden: " + key + " is not supported");
      }
    });

    this.type = text(raw, "type", problems);
    this.format = text(raw, "format", problems);
    this.nullable = bool(raw, "nullable", problems);
    this.intOrString = bool(raw, "x-kubernetes-int-or-string", problems);
    this.preserveUnknownFields = bool(raw, "x-kubernetes-preserve-unknown-fields", problems);
    this.embeddedResource = bool(raw, "x-kubernetes-embedded-resource", problems);
    this.enumValues = raw.has("enum") && raw.get("enum").isArray()
        ? List.copyOf(iterable(raw.get("enum")))
        : List.of();
    this.defaultValue = raw.has("default") ? raw.get("default").deepCopy() : null;
    this.maximum = number(raw, "maximum", problems);
    this.minimum = number(raw, "minimum", problems);
    this.exclusiveMaximum = bool(raw, "exclusiveMaximum", problems);
    this.exclusiveMinimum = bool(raw, "exclusiveMinimum", problems);
    this.multipleOf = number(raw, "multipleOf", problems);
    this.maxLength = count(raw, "maxLength", problems);
    this.minLength = count(raw, "minLength", problems);
    this.maxItems = count(raw, "maxItems", problems);
    this.minItems = count(raw, "minItems", problems);
    this.maxProperties = count(raw, "maxProperties", problems);
    this.minProperties = count(raw, "minProperties", problems);
    this.patternSource = text(raw, "pattern", problems);
    this.pattern = compilePattern(patternSource, path, problems);
    this.required = strings(raw, "required", problems);
    this.listType = text(raw, "x-kubernetes-list-type", problems);
    this.listMapKeys = strings(raw, "x-kubernetes-list-map-keys", problems);
    this.mapType = text(raw, "x-kubernetes-map-type", problems);

    Map<String, SchemaNode> props = new LinkedHashMap<>();
    JsonNode rawProps = raw.get("properties");
    if (rawProps != null && rawProps.isObject()) {
      Role childRole = role == Role.VALUE_VALIDATION ? Role.VALUE_VALIDATION : Role.PROPERTY;
      rawProps.fields().forEachRemaining(e -> props.put(e.getKey(),
          new SchemaNode(e.getValue(), path + ".properties[" + e.getKey() + "]", childRole, problems)));
    }
    this.properties = Collections.unmodifiableMap(props);

    JsonNode rawAdditional = raw.get("additionalProperties");
    boolean withoutSchema = false;
    SchemaNode additional = null;
    if (rawAdditional != null && rawAdditional.isBoolean()) {
      if (rawAdditional.booleanValue()) {
        withoutSchema = true;
      } else {
        problems.add(path + ".additionalProperties", "Forbidden: additionalProperties cannot be set to false");
      }
    } else if (rawAdditional != null) {
      additional = new SchemaNode(rawAdditional, path + ".additionalProperties",
          role == Role.VALUE_VALIDATION ? Role.VALUE_VALIDATION : Role.ADDITIONAL_PROPERTIES, problems);
    }
    this.additionalProperties = additional;
    this.additionalPropertiesWithoutSchema = withoutSchema;

    JsonNode rawItems = raw.get("items");
    SchemaNode itemsNode = null;
    if (rawItems != null && rawItems.isArray()) {
      problems.add(path + ".items", "Forbidden: items must be a schema object and not an array");
    } else if (rawItems != null) {
      itemsNode = new SchemaNode(rawItems, path + ".items",
          role == Role.VALUE_VALIDATION ? Role.VALUE_VALIDATION : Role.ITEMS, problems);
    }
    this.items = itemsNode;

    this.allOf = branches(raw, "allOf", problems);
    this.anyOf = branches(raw, "anyOf", problems);
    this.oneOf = branches(raw, "oneOf", problems);
    this.not = raw.has("not")
        ? new SchemaNode(raw.get("not"), path + ".not", Role.VALUE_VALIDATION, problems)
        : null;
    this.rules = rules(raw, problems);

    checkStructural(raw, problems);
  }

  boolean hasType() {
    return !type.isEmpty();
  }

  /** The types the OpenAPI type check accepts; int-or-string is "integer,string". */
  List<String> acceptedTypes() {
    if (intOrString) {
      return List.of("integer", "string");
    }
    return type.isEmpty() ? List.of() : List.of(type);
  }

  /** The format the validator still applies after the server strips unsupported ones. */
  String effectiveFormat() {
    return SUPPORTED_FORMATS.contains(format) ? format : "";
  }

  private void checkStructural(JsonNode raw, Problems problems) {
    if (!type.isEmpty() && !TYPES.contains(type)) {
      problems.add(path + ".type", "Unsupported value: " + GoText.quote(type)
          + ": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"");
    }
    if (role == Role.ROOT && !"object".equals(type)) {
      problems.add(path + ".type", type.isEmpty()
          ? "Required value: must not be empty at the root"
          : "Invalid value: " + GoText.quote(type) + ": must be object at the root");
    }
    boolean untypedAllowed = intOrString || preserveUnknownFields;
    if (role == Role.PROPERTY || role == Role.ADDITIONAL_PROPERTIES) {
      if (type.isEmpty() && !untypedAllowed) {
        problems.add(path + ".type", "Required value: must not be empty for specified object fields");
      }
    } else if (role == Role.ITEMS && type.isEmpty() && !untypedAllowed) {
      problems.add(path + ".type", "Required value: must not be empty for specified array items");
    }
    if (intOrString && !type.isEmpty()) {
      problems.add(path + ".type", "Invalid value: " + GoText.quote(type)
          + ": must be empty to be structural with x-kubernetes-int-or-string");
    }
    if (!properties.isEmpty() && (additionalProperties != null || additionalPropertiesWithoutSchema)) {
      problems.add(path + ".additionalProperties",
          "Forbidden: additionalProperties and properties are mutual exclusive");
    }
    if ("array".equals(type) && items == null && role != Role.VALUE_VALIDATION) {
      problems.add(path + ".items", "Required value: must be specified");
    }
    if (raw.path("uniqueItems").asBoolean(false)) {
      problems.add(path + ".uniqueItems",
          "Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic");
    }
    if (embeddedResource && !"object".equals(type)) {
      problems.add(path + ".type", "Invalid value: " + GoText.quote(type)
          + ": must be object if x-kubernetes-embedded-resource is true");
    }
    if (!listType.isEmpty()) {
      if (!Set.of("atomic", "set", "map").contains(listType)) {
        problems.add(path + ".x-kubernetes-list-type", "Unsupported value: " + GoText.quote(listType)
            + ": supported values: \"atomic\", \"set\", \"map\"");
      } else if (!"array".equals(type)) {
        problems.add(path + ".type", "Invalid value: " + GoText.quote(type)
            + ": must be array if x-kubernetes-list-type is specified");
      }
    }
    if ("map".equals(listType)) {
      if (listMapKeys.isEmpty()) {
        problems.add(path + ".x-kubernetes-list-map-keys",
            "Required value: must not be empty if x-kubernetes-list-type is map");
      } else if (items != null) {
        if (!"object".equals(items.type)) {
          problems.add(path + ".items.type", "Invalid value: " + GoText.quote(items.type)
              + ": must be object if parent array's x-kubernetes-list-type is map");
        }
        for (String key : listMapKeys) {
          SchemaNode keySchema = items.properties.get(key);
          if (keySchema == null) {
            problems.add(path + ".x-kubernetes-list-map-keys", "Invalid value: " + GoText.quote(key)
                + ": entries must all be names of item properties");
          } else if (!items.required.contains(key) && keySchema.defaultValue == null) {
            problems.add(path + ".items.properties[" + key + "]",
                "Invalid value: must be required or have a default to be a list map key");
          }
        }
      }
    } else if (!listMapKeys.isEmpty()) {
      problems.add(path + ".x-kubernetes-list-map-keys",
          "Forbidden: x-kubernetes-list-map-keys may only be set when x-kubernetes-list-type is map");
    }
    if (!mapType.isEmpty() && !Set.of("granular", "atomic").contains(mapType)) {
      problems.add(path + ".x-kubernetes-map-type", "Unsupported value: " + GoText.quote(mapType)
          + ": supported values: \"granular\", \"atomic\"");
    }
    if (role == Role.VALUE_VALIDATION && defaultValue != null) {
      problems.add(path + ".default", "Forbidden: must not be set inside allOf, anyOf, oneOf or not");
    }
  }

  private List<SchemaNode> branches(JsonNode raw, String key, Problems problems) {
    JsonNode rawBranches = raw.get(key);
    if (rawBranches == null) {
      return List.of();
    }
    if (!rawBranches.isArray()) {
      problems.add(path + "." + key, "Invalid value: must be a list of schemas");
      return List.of();
    }
    List<SchemaNode> out = new ArrayList<>();
    for (int i = 0; i < rawBranches.size(); i++) {
      out.add(new SchemaNode(rawBranches.get(i), path + "." + key + "[" + i + "]", Role.VALUE_VALIDATION, problems));
    }
    return List.copyOf(out);
  }

  private List<RuleSpec> rules(JsonNode raw, Problems problems) {
    JsonNode rawRules = raw.get("x-kubernetes-validations");
    if (rawRules == null) {
      return List.of();
    }
    String at = path + ".x-kubernetes-validations";
    if (!rawRules.isArray()) {
      problems.add(at, "Invalid value: must be a list of validation rules");
      return List.of();
    }
    List<RuleSpec> out = new ArrayList<>();
    for (int i = 0; i < rawRules.size(); i++) {
      JsonNode r = rawRules.get(i);
      String where = at + "[" + i + "]";
      String rule = r.path("rule").asText("").trim();
      if (rule.isEmpty()) {
        problems.add(where + ".rule", "Required value: rule is not specified");
        continue;
      }
      String message = r.path("message").asText("");
      if (message.contains("\n")) {
        problems.add(where + ".message", "Invalid value: " + GoText.quote(message)
            + ": message must not contain line breaks");
      }
      if (message.isEmpty() && rule.contains("\n")) {
        problems.add(where + ".message", "Required value: message must be specified if rule contains line breaks");
      }
      String reason = r.path("reason").asText("");
      if (!reason.isEmpty() && !Set.of("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired",
          "FieldValueDuplicate").contains(reason)) {
        problems.add(where + ".reason", "Unsupported value: " + GoText.quote(reason)
            + ": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\","
            + " \"FieldValueRequired\"");
      }
      out.add(new RuleSpec(i, rule, message, r.path("messageExpression").asText(""), reason,
          r.path("fieldPath").asText(""), r.path("optionalOldSelf").asBoolean(false)));
    }
    return List.copyOf(out);
  }

  private static Pattern compilePattern(String source, String path, Problems problems) {
    if (source.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      problems.add(path + ".pattern", "Invalid value: " + GoText.quote(source)
          + ": must be a valid regular expression, but isn't: " + e.getMessage());
      return null;
    }
  }

  private String text(JsonNode raw, String key, Problems problems) {
    JsonNode v = raw.get(key);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      problems.add(path + "." + key, "Invalid value: must be a string");
      return "";
    }
    return v.textValue();
  }

  private boolean bool(JsonNode raw, String key, Problems problems) {
    JsonNode v = raw.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      problems.add(path + "." + key, "Invalid value: must be a boolean");
      return false;
    }
    return v.booleanValue();
  }

  private Double number(JsonNode raw, String key, Problems problems) {
    JsonNode v = raw.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      problems.add(path + "." + key, "Invalid value: must be a number");
      return null;
    }
    return v.doubleValue();
  }

  private Long count(JsonNode raw, String key, Problems problems) {
    JsonNode v = raw.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
      problems.add(path + "." + key, "Invalid value: must be a non-negative integer");
      return null;
    }
    return v.longValue();
  }

  private List<String> strings(JsonNode raw, String key, Problems problems) {
    JsonNode v = raw.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      problems.add(path + "." + key, "Invalid value: must be a list of strings");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    v.forEach(s -> out.add(s.asText()));
    return List.copyOf(out);
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** What is wrong with a schema, each line led by where it stands. */
  static final class Problems {
    private final List<String> lines = new ArrayList<>();

    void add(String where, String what) {
      lines.add(where + ": " + what);
    }

    boolean isEmpty() {
      return lines.isEmpty();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
