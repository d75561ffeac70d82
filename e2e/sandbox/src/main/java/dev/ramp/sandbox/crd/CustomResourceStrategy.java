package dev.ramp.sandbox.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.api.validation.StructuralSchema;
import dev.ramp.sandbox.strategy.KindStrategy;
import java.util.List;

/**
 * A custom resource version: pruning, defaulting and validation by its CRD schema, exactly as
 * {@link StructuralSchema}'s javadoc prescribes (X1–X9).
 */
public final class CustomResourceStrategy implements KindStrategy {
  private final StructuralSchema schema;

  public CustomResourceStrategy(StructuralSchema schema) {
    this.schema = schema;
  }

  @Override
  public List<String> pruneAndDefault(ObjectNode object) {
    return schema.pruneAndDefault(object);
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode object) {
    return validateCreate(object, List.of());
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
    return validateUpdate(object, old, List.of());
  }

  @Override
  public List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old) {
    return validateStatusUpdate(object, old, List.of());
  }

  // Metadata errors go in first: they count, as on a server, when deciding whether CEL rules run.
  @Override
  public List<FieldError> validateCreate(ObjectNode object, List<FieldError> earlierErrors) {
    return schema.validate(object, null, earlierErrors);
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode object, ObjectNode old, List<FieldError> earlierErrors) {
    return schema.validate(object, old, earlierErrors);
  }

  /** Through /status the OpenAPI checks cover only status, with paths relative to it (X8). */
  @Override
  public List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old, List<FieldError> earlierErrors) {
    return schema.validateStatus(object, old, earlierErrors);
  }
}
