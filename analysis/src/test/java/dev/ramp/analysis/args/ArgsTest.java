package dev.ramp.analysis.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgsTest {

  private final Args args = Args.of(Map.of("service-name", "checkout", "namespace", "shop"));

  @Test
  void replacesEveryReference() {
    assertThat(args.resolve(
        "sum(rate(http_requests_total{service=\"{{args.service-name}}\",ns=\"{{ args.namespace }}\"}[1m]))"
            + " / {{args.service-name}}",
        "query"))
        .isEqualTo("sum(rate(http_requests_total{service=\"checkout\",ns=\"shop\"}[1m])) / checkout");
  }

  @Test
  void leavesTextWithoutReferencesAlone() {
    assertThat(args.resolve("sum(up{job=~\"a|b\"})", "query")).isEqualTo("sum(up{job=~\"a|b\"})");
  }

  @Test
  void aValueIsInsertedLiterallyEvenWithDollarsAndBackslashes() {
    Args odd = Args.of(Map.of("re", "a$1\\b"));
    assertThat(odd.resolve("x{l=~\"{{args.re}}\"}", "query")).isEqualTo("x{l=~\"a$1\\b\"}");
  }

  @Test
  void aMissingArgIsAnErrorNamingItAndTheField() {
    assertThatThrownBy(() -> args.resolve("up{pod=~\"{{args.canary-hash}}.*\"}", "query"))
        .isInstanceOf(ArgsException.class)
        .hasMessage("query uses {{args.canary-hash}}, but the run has no arg named \"canary-hash\""
            + " (its args: namespace, service-name)");
  }

  @Test
  void anUnresolvedArgIsAnErrorNamingIt() {
    Map<String, Optional<String>> values = new LinkedHashMap<>();
    values.put("canary-hash", Optional.empty());
    Args unresolved = new Args(values);
    assertThatThrownBy(() -> unresolved.resolve("{{args.canary-hash}}", "address"))
        .isInstanceOf(ArgsException.class)
        .hasMessage("address uses {{args.canary-hash}}, but arg \"canary-hash\" has no value");
  }

  @Test
  void everyProblemIsListed() {
    assertThat(Args.of(Map.of()).problems("{{args.a}} {{args.b}} {{args.a}}", "query"))
        .containsExactly(
            "query uses {{args.a}}, but the run has no arg named \"a\" (it has no args)",
            "query uses {{args.b}}, but the run has no arg named \"b\" (it has no args)");
  }

  @Test
  void namesTheArgsATextUses() {
    assertThat(Args.referenced("{{args.a}} {{ args.b }} {{args.a}}")).containsExactly("a", "b");
  }
}
