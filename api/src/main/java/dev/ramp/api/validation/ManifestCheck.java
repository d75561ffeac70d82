package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a server would say about one manifest of a custom resource, without a server: the fields it
 * would drop (a warning each) and the errors of a create (a 422 if any).
 *
 * @param apiVersion the manifest's apiVersion
 * @param kind the manifest's kind
 * @param name {@code metadata.name}, or {@code generateName}, or empty
 * @param unknownFields paths the server would prune ({@code spec.bogus})
 * @param errors the server's validation errors, in its words
 * @param stored the object as it would be stored: pruned and defaulted
 */
public record ManifestCheck(
    String apiVersion,
    String kind,
    String name,
    List<String> unknownFields,
    List<FieldError> errors,
    ObjectNode stored) {

  public boolean valid() {
    return errors.isEmpty();
  }
}
