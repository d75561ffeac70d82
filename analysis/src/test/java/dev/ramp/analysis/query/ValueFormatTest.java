package dev.ramp.analysis.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueFormatTest {

  @Test
  void floatingPointNoiseFromRateRatiosIsNotShownToPeople() {
    assertThat(ValueFormat.format(List.of(0.6999999999999998))).isEqualTo("[0.7]");
    assertThat(ValueFormat.format(0.9800000000000001)).isEqualTo("0.98");
  }

  @Test
  void meaningfulDigitsAreKept() {
    assertThat(ValueFormat.format(0.951234)).isEqualTo("0.951234");
    assertThat(ValueFormat.format(1234567.5)).isEqualTo("1234567.5");
    assertThat(ValueFormat.format(1e-9)).isEqualTo("0.000000001");
  }

  @Test
  void specialsUsePrometheusSpelling() {
    assertThat(ValueFormat.format(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0)))
        .isEqualTo("[NaN,+Inf,-Inf,0]");
  }
}
