package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * What one kind adds to the generic write path, as a kube-apiserver registry strategy does: defaults
 * and server-set fields, pruning, and validation. Objects are in storage form; the hooks may mutate
 * the object they are given (a private copy) but never {@code old}.
 */
public interface KindStrategy {
  KindStrategy DEFAULT = new KindStrategy() {};

  default void prepareForCreate(ObjectNode object) {}

  /** Runs after the generic update semantics (status kept or replaced) are applied. */
  default void prepareForUpdate(ObjectNode object, ObjectNode old) {}

  /** Removes unknown fields and fills defaults; returns the pruned paths ({@code spec.bogus}). */
  default List<String> pruneAndDefault(ObjectNode object) {
    return List.of();
  }

  default List<FieldError> validateCreate(ObjectNode object) {
    return List.of();
  }

  default List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
    return List.of();
  }

  /** Validation of a write through {@code /status}. */
  default List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old) {
    return List.of();
  }

  /**
   * Every error of a create: those the generic checks found first (metadata), then the kind's own.
   * Overridden where earlier errors change what the kind checks (a custom resource's CEL rules are
   * skipped after some).
   */
  default List<FieldError> validateCreate(ObjectNode object, List<FieldError> earlierErrors) {
    return concat(earlierErrors, validateCreate(object));
  }

  /** As {@link #validateCreate(ObjectNode, List)}, for an update of the main resource. */
  default List<FieldError> validateUpdate(ObjectNode object, ObjectNode old, List<FieldError> earlierErrors) {
    return concat(earlierErrors, validateUpdate(object, old));
  }

  /** As {@link #validateCreate(ObjectNode, List)}, for a write through {@code /status}. */
  default List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old, List<FieldError> earlierErrors) {
    return concat(earlierErrors, validateStatusUpdate(object, old));
  }

  private static List<FieldError> concat(List<FieldError> first, List<FieldError> then) {
    List<FieldError> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
  }
}
