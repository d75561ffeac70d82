package dev.ramp.controller.kube;

/**
 * A request the API server refused or did not answer, saying which request on which object. A
 * conflict (409, or 422 for a JSON patch whose {@code test} of the resourceVersion failed) means the
 * object moved since it was read: re-read and re-plan, never retry blindly.
 */
public class KubeApiException extends RuntimeException {
  private final int code;
  private final boolean conflict;

  public KubeApiException(String what, int code, String reason, boolean conflict) {
    super(what + ": " + (code == 0 ? "" : "HTTP " + code + " ") + reason, null, false, false);
    this.code = code;
    this.conflict = conflict;
  }

  /** The HTTP status, 0 when there was no answer. */
  public int code() {
    return code;
  }

  /** The object changed since it was read (or already exists): re-plan. */
  public boolean isConflict() {
    return conflict;
  }
}
