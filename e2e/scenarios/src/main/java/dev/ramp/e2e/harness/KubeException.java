package dev.ramp.e2e.harness;

/** An API request the server refused (or that never got an answer), with the server's own words. */
public final class KubeException extends RuntimeException {
  private final int code;

  public KubeException(int code, String message) {
    super(message);
    this.code = code;
  }

  public KubeException(String message, Throwable cause) {
    super(message, cause);
    this.code = 0;
  }

  /** The HTTP status; 0 when the server did not answer. */
  public int code() {
    return code;
  }

  public boolean isConflict() {
    return code == 409;
  }

  public boolean isNotFound() {
    return code == 404;
  }
}
