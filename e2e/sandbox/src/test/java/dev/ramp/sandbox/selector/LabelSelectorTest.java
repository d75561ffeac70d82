package dev.ramp.sandbox.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label selector grammar and the real parser's error messages. */
class LabelSelectorTest {
  static boolean matches(String selector, Map<String, String> labels) {
    return LabelSelector.parse(selector).matches(labels);
  }

  @Test
  void everyOperatorMatchesAsInKubernetes() {
    Map<String, String> labels = Map.of("app", "web", "hash", "a", "n", "5");
    assertThat(matches("app=web", labels)).isTrue();
    assertThat(matches("app==web", labels)).isTrue();
    assertThat(matches("app!=web", labels)).isFalse();
    assertThat(matches("missing!=x", labels)).isTrue();
    assertThat(matches("hash in (a, b)", labels)).isTrue();
    assertThat(matches("hash notin (a,b)", labels)).isFalse();
    assertThat(matches("missing notin (a)", labels)).isTrue();
    assertThat(matches("app", labels)).isTrue();
    assertThat(matches("!app", labels)).isFalse();
    assertThat(matches("n>4,n<6", labels)).isTrue();
    assertThat(matches("", labels)).isTrue();
  }

  @Test
  void malformedSelectorsFailWithTheParsersWords() {
    assertThatThrownBy(() -> LabelSelector.parse("app in web"))
        .hasMessage("unable to parse requirement: found 'web' expected: '('");
    assertThatThrownBy(() -> LabelSelector.parse("app=web,"))
        .hasMessage("found '', expected: identifier after ','");
    assertThatThrownBy(() -> LabelSelector.parse("app in (a"))
        .hasMessage("unable to parse requirement: found '', expected: ',' or ')'");
    assertThatThrownBy(() -> LabelSelector.parse("app ~ x"))
        .isInstanceOf(SelectorException.class);
  }

  @Test
  void selectorsPrintSortedAsAScaleShowsThem() {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    json.putObject("matchLabels").put("rollouts-pod-template-hash", "h1").put("app", "web-rs");
    assertThat(LabelSelector.fromJson(json).toString()).isEqualTo("app=web-rs,rollouts-pod-template-hash=h1");
  }

  @Test
  void fieldSelectorsParseEscapesAndRefuseUnknownLabels() {
    FieldSelector selector = FieldSelector.parse("metadata.name=a\\,b,status.phase!=Running");
    assertThat(selector.matches(Map.of("metadata.name", "a,b", "status.phase", "Pending"))).isTrue();
    assertThatThrownBy(() -> selector.requireSupported(java.util.Set.of("metadata.name")))
        .hasMessage("field label not supported: status.phase");
    assertThatThrownBy(() -> FieldSelector.parse("nonsense")).hasMessage("invalid selector: 'nonsense'; can't understand 'nonsense'");
  }
}
