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
    return schema.validate(object, null);
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
    return schema.validate(object, old);
  }

  @Override
  public List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old) {
    return schema.validate(object, old);
  }
}
