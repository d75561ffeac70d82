package dev.ramp.sandbox.store;

/** A watch asked for history the store no longer keeps. */
public final class ExpiredException extends Exception {
  private final long requested;
  private final long oldest;

  public ExpiredException(long requested, long oldest) {
    super("too old resource version: " + requested + " (" + oldest + ")", null, false, false);
    this.requested = requested;
    this.oldest = oldest;
  }

  public long requested() {
    return requested;
  }

  public long oldest() {
    return oldest;
  }
}
