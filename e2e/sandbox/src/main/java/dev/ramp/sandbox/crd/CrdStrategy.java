package dev.ramp.sandbox.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.api.validation.SchemaException;
import dev.ramp.api.validation.StructuralSchema;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.strategy.KindStrategy;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import dev.ramp.sandbox.validation.Names;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CustomResourceDefinitions: names defaulted and accepted at once, Established=True on create (so the
 * resource is served before the response returns), schemas checked and compiled (a
 * {@link SchemaException} is a 422 on the CRD).
 */
public final class CrdStrategy implements KindStrategy {
  /** JSON-schema keywords a structural schema may not use (what the typed client sends as {} fails on, A10). */
  private static final List<String> UNSUPPORTED = List.of("$schema", "$ref", "id", "definitions", "dependencies",
      "patternProperties", "additionalItems");

  private final Clock clock;

  public CrdStrategy(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void prepareForCreate(ObjectNode crd) {
    defaults(crd);
    ObjectNode status = Json.object();
    String now = Timestamps.time(clock.instant());
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", now);
    condition(conditions, "Established", "InitialNamesAccepted", "the initial names have been accepted", now);
    status.set("acceptedNames", acceptedNames(crd));
    ArrayNode stored = status.putArray("storedVersions");
    storageVersion(crd).ifPresent(stored::add);
    crd.set("status", status);
  }

  @Override
  public void prepareForUpdate(ObjectNode crd, ObjectNode old) {
    defaults(crd);
    ObjectNode status = Json.child(crd, "status");
    status.set("acceptedNames", acceptedNames(crd));
    Set<String> stored = new LinkedHashSet<>(Json.stringList(status.get("storedVersions")));
    storageVersion(crd).ifPresent(stored::add);
    ArrayNode storedVersions = status.putArray("storedVersions");
    stored.forEach(storedVersions::add);
  }

  private static void condition(ArrayNode conditions, String type, String reason, String message, String now) {
    ObjectNode condition = conditions.addObject();
    condition.put("type", type);
    condition.put("status", "True");
    condition.put("lastTransitionTime", now);
    condition.put("reason", reason);
    condition.put("message", message);
  }

  private static ObjectNode acceptedNames(ObjectNode crd) {
    return crd.path("spec").path("names") instanceof ObjectNode names ? names.deepCopy() : Json.object();
  }

  private static java.util.Optional<String> storageVersion(JsonNode crd) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean(false)) {
        return java.util.Optional.of(Json.text(version, "name"));
      }
    }
    return java.util.Optional.empty();
  }

  private static void defaults(ObjectNode crd) {
    ObjectNode spec = Json.child(crd, "spec");
    ObjectNode names = Json.child(spec, "names");
    String kind = Json.text(names, "kind");
    if (!names.has("singular") && !kind.isEmpty()) {
      names.put("singular", kind.toLowerCase(java.util.Locale.ROOT));
    }
    if (!names.has("listKind") && !kind.isEmpty()) {
      names.put("listKind", kind + "List");
    }
    if (!spec.has("conversion")) {
      spec.putObject("conversion").put("strategy", "None");
    }
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode crd) {
    return validate(crd);
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode crd, ObjectNode old) {
    List<FieldError> errors = validate(crd);
    for (String field : List.of("scope", "group")) {
      String value = Json.text(crd, "spec", field);
      if (!value.equals(Json.text(old, "spec", field))) {
        errors.add(FieldErrors.immutable("spec." + field, GoFormat.quote(value)));
      }
    }
    return errors;
  }

  private static List<FieldError> validate(ObjectNode crd) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode spec = crd.path("spec");
    String name = Json.text(crd, "metadata", "name");
    String group = Json.text(spec, "group");
    String plural = Json.text(spec, "names", "plural");
    String kind = Json.text(spec, "names", "kind");
    if (!name.equals(plural + "." + group)) {
      errors.add(FieldErrors.invalidString("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
    }
    if (group.isEmpty()) {
      errors.add(FieldErrors.required("spec.group", ""));
    } else if (!group.contains(".")) {
      errors.add(FieldErrors.invalidString("spec.group", group, "should be a domain with at least one dot"));
    }
    if (plural.isEmpty()) {
      errors.add(FieldErrors.required("spec.names.plural", ""));
    } else {
      Names.labelErrors(plural).forEach(message -> errors.add(FieldErrors.invalidString("spec.names.plural", plural, message)));
    }
    if (kind.isEmpty()) {
      errors.add(FieldErrors.required("spec.names.kind", ""));
    }
    String scope = Json.text(spec, "scope");
    if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      errors.add(FieldErrors.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced")));
    }
    JsonNode versions = spec.path("versions");
    if (!versions.isArray() || versions.isEmpty()) {
      errors.add(FieldErrors.required("spec.versions", "must have exactly one version marked as storage version"));
      return errors;
    }
    int storage = 0;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      JsonNode version = versions.get(i);
      String path = "spec.versions[" + i + "]";
      String versionName = Json.text(version, "name");
      if (version.path("storage").asBoolean(false)) {
        storage++;
      }
      if (!seen.add(versionName)) {
        errors.add(FieldErrors.duplicate(path + ".name", GoFormat.quote(versionName)));
      }
      Names.labelErrors(versionName).forEach(message -> errors.add(FieldErrors.invalidString(path + ".name", versionName, message)));
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      String schemaPath = path + ".schema.openAPIV3Schema";
      if (schema.isMissingNode() || schema.isNull()) {
        errors.add(FieldErrors.required(schemaPath, "schemas are required"));
        continue;
      }
      List<FieldError> structural = new ArrayList<>();
      unsupportedKeywords(schema, schemaPath, structural);
      if (structural.isEmpty()) {
        try {
          StructuralSchema.compile(schema);
        } catch (SchemaException e) {
          structural.add(FieldErrors.invalid(schemaPath, "\"object\"", e.getMessage()));
        }
      }
      errors.addAll(structural);
    }
    if (storage != 1) {
      errors.add(FieldErrors.invalid("spec.versions", "[]apiextensions.CustomResourceDefinitionVersion{...}",
          "must have exactly one version marked as storage version"));
    }
    return errors;
  }

  private static void unsupportedKeywords(JsonNode schema, String path, List<FieldError> errors) {
    if (!schema.isObject()) {
      return;
    }
    for (String keyword : UNSUPPORTED) {
      if (schema.has(keyword)) {
        errors.add(FieldErrors.forbidden(path + "." + keyword, keyword + " is not supported"));
      }
    }
    for (String container : List.of("properties")) {
      JsonNode properties = schema.path(container);
      Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        unsupportedKeywords(field.getValue(), path + "." + container + "[" + field.getKey() + "]", errors);
      }
    }
    JsonNode items = schema.path("items");
    if (items.isObject()) {
      unsupportedKeywords(items, path + ".items", errors);
    }
    JsonNode additional = schema.path("additionalProperties");
    if (additional.isObject()) {
      unsupportedKeywords(additional, path + ".additionalProperties", errors);
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode list = schema.path(combinator);
      for (int i = 0; i < list.size(); i++) {
        unsupportedKeywords(list.get(i), path + "." + combinator + "[" + i + "]", errors);
      }
    }
    if (schema.path("not").isObject()) {
      unsupportedKeywords(schema.get("not"), path + ".not", errors);
    }
  }
}
