package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version's {@code openAPIV3Schema} of a CustomResourceDefinition, compiled once and applied the
 * way kube-apiserver (v1.28) applies it: pruning, defaulting, OpenAPI validation and
 * {@code x-kubernetes-validations} CEL rules, with the server's messages. Shared by the sandbox (to
 * answer like a real server) and by {@code kubectl ramp lint} (to answer without one).
 *
 * <p>A write of a custom resource goes: {@link #pruneAndDefault} (report the returned paths as
 * {@code unknown field "spec.bogus"} warnings), then {@link #validate} for the main resource or
 * {@link #validateStatus} for {@code /status}; a non-empty list is a 422 whose message
 * {@link FieldError#aggregate} builds. Instances are immutable and safe to share between threads.
 */
public final class StructuralSchema {

  private final SchemaNode root;
  private final Optional<CelRules> rules;

  private StructuralSchema(SchemaNode root, Optional<CelRules> rules) {
    this.root = root;
    this.rules = rules;
  }

  /**
   * Compiles a schema. Fails with {@link SchemaException} when a real server would refuse the
   * schema in a CustomResourceDefinition (not structural, a default that does not validate, a CEL
   * rule that does not compile, ...), listing every problem with where it stands
   * ({@code openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: ...}).
   */
  public static StructuralSchema compile(JsonNode openApiV3Schema) {
    SchemaNode.Problems problems = new SchemaNode.Problems();
    SchemaNode root = new SchemaNode(openApiV3Schema, "openAPIV3Schema", SchemaNode.Role.ROOT, problems);
    checkDefaults(root, problems);
    Optional<CelRules> rules = CelRules.compile(root, problems);
    if (!problems.isEmpty()) {
      List<String> lines = problems.lines();
      throw new SchemaException("the schema is not usable (" + lines.size()
          + (lines.size() == 1 ? " problem" : " problems") + "):\n  " + String.join("\n  ", lines));
    }
    return new StructuralSchema(root, rules);
  }

  /**
   * Removes fields the schema does not know (unless {@code x-kubernetes-preserve-unknown-fields}) and
   * fills in defaults, in place. Returns the paths of the pruned fields ({@code spec.bogus}), which a
   * real server reports as warnings. The root's {@code apiVersion}, {@code kind} and {@code metadata}
   * are left as they are.
   */
  public List<String> pruneAndDefault(ObjectNode object) {
    return Pruning.pruneAndDefault(object, root);
  }

  /**
   * Validates a whole object ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec},
   * {@code status}) as a create or an update of the main resource. {@code oldObject} is null on
   * create; on update it feeds CEL's {@code oldSelf} (transition rules). An empty list means valid.
   * Paths are absolute ({@code spec.stepWeight}). Metadata (name, generateName) is the caller's to
   * check: pass its errors to {@link #validate(ObjectNode, ObjectNode, List)} so that they count,
   * as on a server, when deciding whether CEL rules run.
   */
  public List<FieldError> validate(ObjectNode object, ObjectNode oldObject) {
    return validate(object, oldObject, List.of());
  }

  /**
   * As {@link #validate(ObjectNode, ObjectNode)}, after errors the caller already found (metadata);
   * they come first in the result, as on a server.
   */
  public List<FieldError> validate(ObjectNode object, ObjectNode oldObject, List<FieldError> earlierErrors) {
    List<FieldError> errors = new ArrayList<>(earlierErrors);
    errors.addAll(OpenApiValidator.validate(root, object));
    return withListTypesAndRules(errors, object, oldObject);
  }

  /**
   * Validates a write through the {@code /status} subresource the way the server does: the OpenAPI
   * checks cover only {@code status} and report paths relative to it ({@code phase: Unsupported
   * value: ...}), while list-type and CEL checks cover the whole object with absolute paths.
   */
  public List<FieldError> validateStatus(ObjectNode object, ObjectNode oldObject) {
    return validateStatus(object, oldObject, List.of());
  }

  /** As {@link #validateStatus(ObjectNode, ObjectNode)}, after errors the caller already found. */
  public List<FieldError> validateStatus(ObjectNode object, ObjectNode oldObject, List<FieldError> earlierErrors) {
    List<FieldError> errors = new ArrayList<>(earlierErrors);
    SchemaNode status = root.properties.get("status");
    JsonNode value = object.get("status");
    if (status != null && value != null) {
      errors.addAll(OpenApiValidator.validate(status, value));
    }
    return withListTypesAndRules(errors, object, oldObject);
  }

  /** Whether the schema declares {@code x-kubernetes-validations} anywhere. */
  public boolean hasValidationRules() {
    return rules.isPresent();
  }

  /** Whether the schema declares a {@code status} property. */
  public boolean hasStatus() {
    return root.properties.containsKey("status");
  }

  private List<FieldError> withListTypesAndRules(List<FieldError> errors, ObjectNode object, ObjectNode oldObject) {
    errors.addAll(EmbeddedResources.validate(root, object));
    errors.addAll(ListTypeValidator.validate(root, object));
    if (rules.isPresent()) {
      if (errors.stream().anyMatch(FieldErrors::blocksCel)) {
        errors.add(FieldErrors.celSkipped());
      } else {
        rules.get().validate("", object, oldObject, new IdentityHashMap<>(), errors);
      }
    }
    return List.copyOf(errors);
  }

  // A real server refuses a CRD whose defaults are not pruned or do not validate.
  private static void checkDefaults(SchemaNode node, SchemaNode.Problems problems) {
    if (node == null) {
      return;
    }
    if (node.defaultValue != null && node.role != SchemaNode.Role.VALUE_VALIDATION) {
      JsonNode value = Pruning.withNestedDefaults(node.defaultValue, node);
      List<String> unknown = Pruning.prune(value.deepCopy(), node);
      if (!unknown.isEmpty()) {
        problems.add(node.path + ".default", "Invalid value: " + value
            + ": must not have unknown fields: " + String.join(", ", unknown));
      }
      List<FieldError> errors = new ArrayList<>(OpenApiValidator.validate(node, value));
      errors.addAll(ListTypeValidator.validate(node, value));
      for (FieldError e : errors) {
        String at = e.field().equals(FieldErrors.NO_FIELD) ? node.path + ".default" : node.path + ".default." + e.field();
        // the default itself is the validated root, whose name prints as an empty string
        problems.add(at, e.body().replace(":  in body ", ": in body "));
      }
    }
    for (SchemaNode p : node.properties.values()) {
      checkDefaults(p, problems);
    }
    checkDefaults(node.items, problems);
    checkDefaults(node.additionalProperties, problems);
  }

  @Override
  public String toString() {
    return "StructuralSchema" + Map.of("properties", root.properties.keySet(), "rules", rules.isPresent());
  }
}
