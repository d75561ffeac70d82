package dev.ramp.analysis.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
  void anUnresolvedArgIsAnErrorNamingItAndWhyItHasNoValue() {
    Args unresolved = new Args(Map.of("canary-hash", ArgValue.unresolved("no value was given")));
    assertThatThrownBy(() -> unresolved.resolve("{{args.canary-hash}}", "address"))
        .isInstanceOf(ArgsException.class)
        .hasMessage("address uses {{args.canary-hash}}, but arg \"canary-hash\" has no value: no value was given");
  }

  @Test
  void anUnresolvedArgIsAProblemOnlyWhereItIsUsed() {
    Args some = new Args(Map.of("service", ArgValue.of("web"),
        "tenant", ArgValue.unresolved("Secret default/absent not found")));
    assertThat(some.resolve("up{service=\"{{args.service}}\"}", "query")).isEqualTo("up{service=\"web\"}");
    assertThat(some.problems("up{tenant=\"{{args.tenant}}\"}", "query"))
        .containsExactly("query uses {{args.tenant}}, but arg \"tenant\" has no value: Secret default/absent not found");
  }

  @Test
  void anUnresolvedArgNeedsAReason() {
    assertThatThrownBy(() -> ArgValue.unresolved(" ")).isInstanceOf(IllegalArgumentException.class);
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
