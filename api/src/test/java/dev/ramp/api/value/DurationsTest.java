package dev.ramp.api.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.IntOrString;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
      "30s, PT30S",
      "1m30s, PT1M30S",
      "500ms, PT0.5S",
      "1h, PT1H",
      "1.5h, PT1H30M",
      "2h45m, PT2H45M",
      "0, PT0S",
      "0s, PT0S",
      "+5s, PT5S",
      ".5s, PT0.5S",
      "1.s, PT1S",
      "100us, PT0.0001S",
      "100µs, PT0.0001S",
      "250ns, PT0.00000025S",
      "1h0m0s, PT1H",
      "1m1m, PT2M"
  })
  void parsesGoDurations(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @Test
  void parsesTheGreekMuAsGoDoes() {
    assertThat(Durations.parse("3\u03bcs")).isEqualTo(Duration.ofNanos(3_000));
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> Durations.parse("10x"))
        .isInstanceOf(DurationFormatException.class)
        .hasMessageContaining("invalid duration \"10x\"")
        .hasMessageContaining("unknown unit \"x\"")
        .hasMessageContaining("e.g. 30s, 1m30s");
    assertThatThrownBy(() -> Durations.parse("1h30")).hasMessageContaining("the number 30 has no unit");
    assertThatThrownBy(() -> Durations.parse("30")).hasMessageContaining("the number 30 has no unit");
    assertThatThrownBy(() -> Durations.parse("-5s")).hasMessageContaining("negative");
    assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageContaining("unknown unit \" minutes\"");
    assertThatThrownBy(() -> Durations.parse("s")).hasMessageContaining("expected a number");
    assertThatThrownBy(() -> Durations.parse(".s")).hasMessageContaining("\".\" must stand next to digits");
    assertThatThrownBy(() -> Durations.parse("3000000h")).hasMessageContaining("too long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1d", "1w", "5sec", "1H", "1.5.5s", "m5"})
  void rejectsWhatGoRejects(String text) {
    assertThat(Durations.isValid(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "PT0S, 0s",
      "PT0.00000025S, 250ns",
      "PT0.0000015S, 1.5µs",
      "PT0.5S, 500ms",
      "PT1.5S, 1.5s",
      "PT30S, 30s",
      "PT1M30S, 1m30s",
      "PT1H, 1h0m0s",
      "PT26H3M0.5S, 26h3m0.5s"
  })
  void formatsAsGoDoes(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
    assertThat(Durations.parse(expected)).isEqualTo(duration);
  }

  @ParameterizedTest
  @CsvSource({"PT1H, 1h", "PT1H30M, 1h30m", "PT1H5S, 1h5s", "PT1M30S, 1m30s", "PT0.5S, 500ms", "PT0S, 0s"})
  void formatsCompactlyForPeople(Duration duration, String expected) {
    assertThat(Durations.formatCompact(duration)).isEqualTo(expected);
    assertThat(Durations.parse(expected)).isEqualTo(duration);
  }

  @Test
  void readsWholeSecondsLikeArgoPauseDurations() {
    assertThat(Durations.parseSecondsOrDuration(new IntOrString(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parseSecondsOrDuration(new IntOrString("30"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parseSecondsOrDuration(new IntOrString("2m"))).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> Durations.parseSecondsOrDuration(new IntOrString(-1))).hasMessageContaining("negative");
    assertThatThrownBy(() -> Durations.parseSecondsOrDuration(new IntOrString("2 min")))
        .isInstanceOf(DurationFormatException.class);
  }
}
