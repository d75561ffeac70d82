package dev.ramp.sandbox.selector;

/** A selector that does not parse; the message is the real server's 400 text. */
public final class SelectorException extends RuntimeException {
  public SelectorException(String message) {
    super(message, null, false, false);
  }
}
