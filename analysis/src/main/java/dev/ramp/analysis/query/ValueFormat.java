package dev.ramp.analysis.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measured values as text, the way Argo Rollouts shows them ({@code [0.97]}, {@code [1,0.5]}): shortest
 * decimal form without an exponent, and Prometheus' spelling of the specials ({@code NaN}, {@code +Inf}).
 * Values are rounded to 12 significant digits: a rate ratio of 0.7 arrives as 0.6999999999999998, and a
 * person comparing it with a 0.95 threshold should read 0.7.
 */
public final class ValueFormat {

  private static final MathContext SHOWN = new MathContext(12);

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
    return new BigDecimal(value).round(SHOWN).stripTrailingZeros().toPlainString();
  }
}
