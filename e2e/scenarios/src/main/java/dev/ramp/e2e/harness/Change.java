package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One change a watch delivered: {@code ADDED}, {@code MODIFIED}, {@code DELETED}, or {@code LISTED} for
 * what the first list found.
 *
 * @param seen when the harness received it
 * @param resourceVersion the object's resourceVersion (the deletion's, for DELETED): the server's order
 */
public record Change(Instant seen, long resourceVersion, String type, Kind kind, ObjectNode object) {

  public String name() {
    return object.at("/metadata/name").asText();
  }

  public boolean deleted() {
    return type.equals("DELETED");
  }
}
