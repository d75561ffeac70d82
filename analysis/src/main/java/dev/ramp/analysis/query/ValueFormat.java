package dev.ramp.analysis.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measured values as text, the way Argo Rollouts shows them ({@code [0.97]}, {@code [1,0.5]}): shortest
 * decimal form without an exponent, and Prometheus' spelling of the specials ({@code NaN}, {@code +Inf}).
 */
public final class ValueFormat {

  private ValueFormat() {}

  public static String format(List<Double> values) {
    return values.stream().map(ValueFormat::format).collect(Collectors.joining(",", "[", "]"));
  }

  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
