package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One version's {@code openAPIV3Schema} of a CustomResourceDefinition, compiled once and applied the
 * way kube-apiserver applies it: pruning, defaulting, OpenAPI validation and
 * {@code x-kubernetes-validations} CEL rules. Shared by the sandbox (to answer like a real server) and
 * by {@code kubectl ramp lint} (to answer without one).
 *
 * <p>STUB: the signatures are agreed; the implementation lands with the schema work.
 */
public final class StructuralSchema {

  private StructuralSchema() {}

  /**
   * Compiles a schema. Fails with {@link SchemaException} when the schema itself is not usable (for
   * example a CEL rule that does not compile), naming the rule and where it stands.
   */
  public static StructuralSchema compile(JsonNode openApiV3Schema) {
    return new StructuralSchema();
  }

  /**
   * Removes fields the schema does not know (unless {@code x-kubernetes-preserve-unknown-fields}) and
   * fills in defaults, in place. Returns the paths of the pruned fields ({@code spec.bogus}), which a
   * real server reports as warnings.
   */
  public List<String> pruneAndDefault(ObjectNode object) {
    return List.of();
  }

  /**
   * Validates a whole object ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec},
   * {@code status}). {@code oldObject} is null on create; on update it feeds CEL's {@code oldSelf}
   * (transition rules). An empty list means valid.
   */
  public List<FieldError> validate(ObjectNode object, ObjectNode oldObject) {
    return List.of();
  }
}
