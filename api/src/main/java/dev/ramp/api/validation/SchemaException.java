package dev.ramp.api.validation;

/** A CRD schema that cannot be used as given: the message says what and where. */
public class SchemaException extends RuntimeException {
  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
