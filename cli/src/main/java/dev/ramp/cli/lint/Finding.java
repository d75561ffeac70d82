package dev.ramp.cli.lint;

/**
 * One thing {@code kubectl ramp lint} has to say about a manifest.
 *
 * @param source the file (or {@code -} for standard input)
 * @param object {@code Rollout demo}, or empty for the file as a whole
 * @param message the field first, as the API server words it: {@code spec.replicas: Invalid value: ...}
 */
public record Finding(String source, String object, Severity severity, String message) {

  /** Errors make the server (or the controller) refuse the object; warnings are worth a look. */
  public enum Severity { ERROR, WARNING }

  @Override
  public String toString() {
    return source + ": " + (object.isEmpty() ? "" : object + ": ") + (severity == Severity.WARNING ? "warning: " : "")
        + message;
  }
}
