package dev.ramp.analysis.args;

/** A field refers to an arg that is not there or has no value; the message names both. */
public final class ArgsException extends IllegalArgumentException {
  public ArgsException(String message) {
    super(message);
  }
}
