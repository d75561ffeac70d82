package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values print as the server's Go code prints them. */
class GoTextTest {

  @Test
  void floatsLikePercentV() {
    assertThat(GoText.formatFloat(100)).isEqualTo("100");
    assertThat(GoText.formatFloat(1.5)).isEqualTo("1.5");
    assertThat(GoText.formatFloat(0.25)).isEqualTo("0.25");
    assertThat(GoText.formatFloat(123456)).isEqualTo("123456");
    assertThat(GoText.formatFloat(1_000_000)).isEqualTo("1e+06");
    assertThat(GoText.formatFloat(1_234_567)).isEqualTo("1.234567e+06");
    assertThat(GoText.formatFloat(0.0001)).isEqualTo("0.0001");
    assertThat(GoText.formatFloat(0.00001)).isEqualTo("1e-05");
    assertThat(GoText.formatFloat(-2.5)).isEqualTo("-2.5");
  }

  @Test
  void stringsLikePercentQ() {
    assertThat(GoText.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoText.quote("tab\tnew\n")).isEqualTo("\"tab\\tnew\\n\"");
    assertThat(GoText.quote("\u0001")).isEqualTo("\"\\x01\"");
    assertThat(GoText.quote("grüße")).isEqualTo("\"grüße\"");
    assertThat(GoText.quote("\u00a0")).isEqualTo("\"\\u00a0\"");
  }

  @Test
  void badValues() {
    assertThat(GoText.badValue(null)).isEqualTo("\"null\"");
    assertThat(GoText.badValue(150L)).isEqualTo("150");
    assertThat(GoText.badValue(true)).isEqualTo("true");
    assertThat(GoText.badValue(Map.of("b", 1L, "a", List.of("x")))).isEqualTo(
        "map[string]interface {}{\"a\":[]interface {}{\"x\"}, \"b\":1}");
  }
}
