package dev.ramp.api.value;

import io.kubernetes.client.custom.IntOrString;

/**
 * Reads {@link IntOrString} fields: counts and limits that a template may leave as
 * {@code {{args.name}}} placeholders, and pod counts given as a number or a percentage.
 */
public final class IntOrStrings {
  private IntOrStrings() {}

  /**
   * The whole number an int-or-string holds: an integer, or a string of digits.
   *
   * @param field the field's path, for the error message
   * @throws IllegalArgumentException naming the field when the value is not a whole number (for
   *     example an unresolved {@code {{args.count}}} placeholder)
   */
  public static int intValue(IntOrString value, String field) {
    if (value.isInteger()) {
      return value.getIntValue();
    }
    String text = value.getStrValue().trim();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      String hint = text.contains("{{") ? " (an argument placeholder that was not resolved?)" : "";
      throw new IllegalArgumentException(field + ": expected a whole number, got \"" + text + "\"" + hint, e);
    }
  }

  /**
   * A pod count given as a number or a percentage of {@code total}, rounded up or down, as
   * Kubernetes reads a Deployment's {@code maxSurge} (up) and {@code maxUnavailable} (down).
   *
   * @throws IllegalArgumentException naming the field when the value is neither
   */
  public static int scaledValue(IntOrString value, int total, boolean roundUp, String field) {
    if (value.isInteger()) {
      return value.getIntValue();
    }
    String text = value.getStrValue().trim();
    if (text.endsWith("%")) {
      int percent;
      try {
        percent = Integer.parseInt(text.substring(0, text.length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            field + ": expected a number or a percentage such as 25%, got \"" + text + "\"", e);
      }
      long scaled = (long) percent * total;
      return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
    }
    return intValue(value, field);
  }
}
