package dev.ramp.sandbox.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.api.validation.SchemaException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.strategy.KindStrategy;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import dev.ramp.sandbox.validation.Names;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CustomResourceDefinitions: names defaulted and accepted at once, Established=True on create (so the
 * resource is served before the response returns), schemas checked and compiled (a
 * {@link SchemaException} is a 422 on the CRD).
 */
public final class CrdStrategy implements KindStrategy {
  /** How Go prints the []CustomResourceDefinitionVersion value of a spec.versions error, abbreviated. */
  private static final String VERSIONS_VALUE = "[]apiextensions.CustomResourceDefinitionVersion{...}";

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

  // validateCustomResourceDefinitionSpec's order; a schema or subresources every version shares are
  // validated once, under spec.validation / spec.subresources, as after the server's v1 conversion.
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
    } else if (!Names.subdomainErrors(group).isEmpty()) {
      errors.add(FieldErrors.invalidString("spec.group", group, String.join(",", Names.subdomainErrors(group))));
    } else if (!group.contains(".")) {
      errors.add(FieldErrors.invalidString("spec.group", group, "should be a domain with at least one dot"));
    }
    String scope = Json.text(spec, "scope");
    if (scope.isEmpty()) {
      errors.add(FieldErrors.required("spec.scope", ""));
    } else if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      errors.add(FieldErrors.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced")));
    }
    JsonNode versions = spec.path("versions");
    if (!versions.isArray() || versions.isEmpty()) {
      errors.add(FieldErrors.required("spec.versions", "must have exactly one version marked as storage version"));
      return errors;
    }
    JsonNode sharedSchema = shared(versions, "schema");
    boolean schemaShared = sharedSchema != null && hasSchema(sharedSchema);
    boolean subresourcesShared = shared(versions, "subresources") != null;
    if (!schemaShared) {
      for (int i = 0; i < versions.size(); i++) {
        if (!hasSchema(versions.get(i).path("schema"))) {
          errors.add(FieldErrors.required("spec.versions[" + i + "].schema.openAPIV3Schema", "schemas are required"));
        }
      }
    }
    int storage = 0;
    Set<String> seen = new LinkedHashSet<>();
    boolean unique = true;
    boolean anyStatus = false;
    for (int i = 0; i < versions.size(); i++) {
      JsonNode version = versions.get(i);
      String path = "spec.versions[" + i + "]";
      String versionName = Json.text(version, "name");
      if (version.path("storage").asBoolean(false)) {
        storage++;
      }
      unique &= seen.add(versionName);
      List<String> nameErrors = Names.dns1035Errors(versionName);
      if (!nameErrors.isEmpty()) {
        errors.add(FieldErrors.invalidString(path + ".name", versionName, String.join(",", nameErrors)));
      }
      boolean status = statusEnabled(version);
      anyStatus |= status;
      if (!schemaShared && hasSchema(version.path("schema"))) {
        errors.addAll(CrdSchemaChecks.validate(version.path("schema").path("openAPIV3Schema"), path + ".schema", status));
      }
    }
    if (!unique) {
      errors.add(FieldErrors.invalid("spec.versions", VERSIONS_VALUE, "must contain unique version names"));
    }
    if (storage != 1) {
      errors.add(FieldErrors.invalid("spec.versions", VERSIONS_VALUE, "must have exactly one version marked as storage version"));
    }
    if (plural.isEmpty()) {
      errors.add(FieldErrors.required("spec.names.plural", ""));
    }
    if (kind.isEmpty()) {
      errors.add(FieldErrors.required("spec.names.kind", ""));
    }
    if (!plural.isEmpty()) {
      List<String> pluralErrors = Names.dns1035Errors(plural);
      if (!pluralErrors.isEmpty()) {
        errors.add(FieldErrors.invalidString("spec.names.plural", plural, String.join(",", pluralErrors)));
      }
    }
    if (schemaShared) {
      // hasAnyStatusEnabled: shared subresources, or any version's own
      boolean status = subresourcesShared ? statusEnabled(versions.get(0)) : anyStatus;
      errors.addAll(CrdSchemaChecks.validate(sharedSchema.path("openAPIV3Schema"), "spec.validation", status));
    }
    return errors;
  }

  /** The value every version gives {@code field} (absent counts as a value), or null when they differ. */
  private static JsonNode shared(JsonNode versions, String field) {
    JsonNode first = versions.get(0).path(field);
    for (JsonNode version : versions) {
      if (!version.path(field).equals(first)) {
        return null;
      }
    }
    return first;
  }

  private static boolean hasSchema(JsonNode schema) {
    JsonNode openApi = schema.path("openAPIV3Schema");
    return !openApi.isMissingNode() && !openApi.isNull();
  }

  private static boolean statusEnabled(JsonNode version) {
    JsonNode status = version.path("subresources").path("status");
    return !status.isMissingNode() && !status.isNull();
  }
}
