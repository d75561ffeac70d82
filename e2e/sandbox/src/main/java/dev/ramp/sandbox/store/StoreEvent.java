package dev.ramp.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One committed change of one collection. {@code object} is the state after the change (for DELETED:
 * the last state, carrying the deletion's own resourceVersion); {@code previous} the state before
 * (null for ADDED). Both are shared and must never be mutated.
 */
public record StoreEvent(Type type, String collection, ObjectNode object, ObjectNode previous, long resourceVersion) {
  public enum Type {
    ADDED, MODIFIED, DELETED
  }
}
