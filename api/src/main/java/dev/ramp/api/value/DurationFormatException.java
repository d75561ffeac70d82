package dev.ramp.api.value;

/** A duration string that is not a Go-style duration; the message says what is wrong. */
public class DurationFormatException extends IllegalArgumentException {
  private final String input;

  public DurationFormatException(String input, String problem) {
    super("invalid duration \"" + input + "\": " + problem
        + " (write a number and a unit, e.g. 30s, 1m30s, 500ms or 1h; units: ns, us, ms, s, m, h)");
    this.input = input;
  }

  /** The text that could not be parsed. */
  public String input() {
    return input;
  }
}
