package dev.ramp.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import dev.ramp.sandbox.validation.Names;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** ObjectMeta as the server keeps it: field order, generated names, and ValidateObjectMeta's checks. */
final class Metadata {
  private static final List<String> ORDER = List.of("name", "generateName", "namespace", "uid", "resourceVersion",
      "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
      "ownerReferences", "finalizers", "managedFields");
  /** The alphabet of k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable characters. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private Metadata() {}

  static String randomSuffix() {
    StringBuilder suffix = new StringBuilder(5);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }

  /** generateName + 5 random characters, the base cut to 58 characters as the real generator does. */
  static String generateName(String base) {
    return (base.length() > 58 ? base.substring(0, 58) : base) + randomSuffix();
  }

  /** Rewrites metadata in the server's field order, dropping fields ObjectMeta does not have. */
  static void canonicalize(ObjectNode object) {
    ObjectNode metadata = Json.metadata(object);
    ObjectNode ordered = Json.object();
    for (String field : ORDER) {
      JsonNode value = metadata.get(field);
      if (value != null && !value.isNull()) {
        ordered.set(field, value);
      }
    }
    ObjectNode replaced = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      replaced.set(field.getKey(), field.getKey().equals("metadata") ? ordered : field.getValue());
    }
    object.removeAll();
    object.setAll(replaced);
  }

  static List<FieldError> validate(ResourceType type, ObjectNode object, boolean create) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode metadata = object.path("metadata");
    String name = Json.text(metadata, "name");
    if (name.isEmpty()) {
      if (create) {
        errors.add(FieldErrors.required("metadata.name", "name or generateName is required"));
      }
    } else {
      errors.addAll(Names.validateName(type.nameRule(), "metadata.name", name));
    }
    if (!type.namespaced() && !Json.text(metadata, "namespace").isEmpty()) {
      errors.add(FieldErrors.forbidden("metadata.namespace", "not allowed on this type"));
    }
    Json.stringMap(metadata.get("labels")).forEach((key, value) -> {
      for (String message : Names.qualifiedNameErrors(key)) {
        errors.add(FieldErrors.invalidString("metadata.labels", key, message));
      }
      for (String message : Names.labelValueErrors(value)) {
        errors.add(FieldErrors.invalidString("metadata.labels", value, message));
      }
    });
    long annotationBytes = 0;
    for (Map.Entry<String, String> entry : Json.stringMap(metadata.get("annotations")).entrySet()) {
      for (String message : Names.qualifiedNameErrors(entry.getKey().toLowerCase(java.util.Locale.ROOT))) {
        errors.add(FieldErrors.invalidString("metadata.annotations", entry.getKey(), message));
      }
      annotationBytes += entry.getKey().length() + entry.getValue().length();
    }
    if (annotationBytes > 262144) {
      errors.add(new FieldError("metadata.annotations", "FieldValueTooLong",
          "metadata.annotations: Too long: must have at most 262144 bytes"));
    }
    JsonNode owners = metadata.path("ownerReferences");
    List<String> controllers = new ArrayList<>();
    for (JsonNode owner : owners) {
      if (Json.text(owner, "apiVersion").isEmpty()) {
        errors.add(FieldErrors.invalidString("metadata.ownerReferences.apiVersion", "", "version must not be empty"));
      }
      if (Json.text(owner, "kind").isEmpty()) {
        errors.add(FieldErrors.invalidString("metadata.ownerReferences.kind", "", "kind must not be empty"));
      }
      if (Json.text(owner, "name").isEmpty()) {
        errors.add(FieldErrors.invalidString("metadata.ownerReferences.name", "", "name must not be empty"));
      }
      if (Json.text(owner, "uid").isEmpty()) {
        errors.add(FieldErrors.invalidString("metadata.ownerReferences.uid", "", "uid must not be empty"));
      }
      if (owner.path("controller").asBoolean(false)) {
        controllers.add(Json.text(owner, "kind") + "/" + Json.text(owner, "name"));
      }
    }
    if (controllers.size() > 1) {
      errors.add(FieldErrors.invalid("metadata.ownerReferences", "[]v1.OwnerReference{...}",
          "Only one reference can have Controller set to true. Found \"true\" in references for "
              + String.join(" and ", controllers)));
    }
    for (String finalizer : Json.stringList(metadata.get("finalizers"))) {
      for (String message : Names.qualifiedNameErrors(finalizer)) {
        errors.add(FieldErrors.invalidString("metadata.finalizers", finalizer, message));
      }
    }
    return errors;
  }

  /** G8b: a deleting object may lose finalizers, never gain one. */
  static List<FieldError> validateFinalizersWhileDeleting(JsonNode object, JsonNode old) {
    if (!Json.has(old, "metadata", "deletionTimestamp")) {
      return List.of();
    }
    List<String> before = Json.stringList(old.path("metadata").get("finalizers"));
    List<String> added = new ArrayList<>();
    for (String finalizer : Json.stringList(object.path("metadata").get("finalizers"))) {
      if (!before.contains(finalizer)) {
        added.add(finalizer);
      }
    }
    if (added.isEmpty()) {
      return List.of();
    }
    return List.of(FieldErrors.forbidden("metadata.finalizers",
        "no new finalizers can be added if the object is being deleted, found new finalizers " + GoFormat.stringSlice(added)));
  }
}
