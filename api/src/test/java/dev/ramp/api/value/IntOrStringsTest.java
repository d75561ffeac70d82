package dev.ramp.api.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.IntOrString;
import org.junit.jupiter.api.Test;

class IntOrStringsTest {

  @Test
  void readsNumbersWrittenEitherWay() {
    assertThat(IntOrStrings.intValue(new IntOrString(3), "count")).isEqualTo(3);
    assertThat(IntOrStrings.intValue(new IntOrString("3"), "count")).isEqualTo(3);
  }

  @Test
  void namesTheFieldAndSuspectsAnUnresolvedPlaceholder() {
    assertThatThrownBy(() -> IntOrStrings.intValue(new IntOrString("{{args.count}}"), "metric m: count"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric m: count: expected a whole number, got \"{{args.count}}\""
            + " (an argument placeholder that was not resolved?)");
  }

  @Test
  void scalesPercentagesAsKubernetesDoes() {
    assertThat(IntOrStrings.scaledValue(new IntOrString("25%"), 10, true, "maxSurge")).isEqualTo(3);
    assertThat(IntOrStrings.scaledValue(new IntOrString("25%"), 10, false, "maxUnavailable")).isEqualTo(2);
    assertThat(IntOrStrings.scaledValue(new IntOrString(2), 10, true, "maxSurge")).isEqualTo(2);
    assertThat(IntOrStrings.scaledValue(new IntOrString("0%"), 10, true, "maxSurge")).isZero();
    assertThatThrownBy(() -> IntOrStrings.scaledValue(new IntOrString("a%"), 10, true, "maxSurge"))
        .hasMessageContaining("maxSurge: expected a number or a percentage such as 25%");
  }
}
