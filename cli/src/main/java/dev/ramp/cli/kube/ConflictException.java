package dev.ramp.cli.kube;

/** A write was refused with 409: the object changed since it was read. Re-read and decide again. */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
