package dev.ramp.analysis.measurement;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a measurement without data (empty result, or only NaN) counts as: a metric's {@code noData}. */
public enum NoDataPolicy {
  FAIL,
  INCONCLUSIVE,
  PASS;

  /** The spelling in a template: {@code fail}, {@code inconclusive}, {@code pass}. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the allowed spellings
   */
  public static NoDataPolicy parse(String text) {
    for (NoDataPolicy policy : values()) {
      if (policy.spelling().equals(text)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("noData must be one of "
        + Arrays.stream(values()).map(NoDataPolicy::spelling).collect(Collectors.joining(", "))
        + "; got \"" + text + "\"");
  }
}
