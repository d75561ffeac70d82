package dev.ramp.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.analysis.condition.Conditions;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.HttpHeader;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PrometheusMetric;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricValidationTest {

  private final MetricValidation validation = new MetricValidation(new Conditions());

  private static Metric.Builder metric(String name) {
    return Metric.builder(name).prometheus(PrometheusMetric.of("http://prometheus:9090", "sum(up)"));
  }

  private List<String> problems(List<Argument> args, Metric... metrics) {
    return validation.validate(List.of(metrics), args).stream().map(MetricValidation.Problem::toString).toList();
  }

  @Test
  void aGoodTemplateHasNoProblems() {
    assertThat(problems(List.of(Argument.declared("hash"), Argument.of("threshold", "0.95")),
        Metric.builder("success-rate").interval("1m").count(5).failureLimit(1)
            .successCondition("result[0] >= {{args.threshold}}")
            .prometheus(PrometheusMetric.of("http://prometheus:9090",
                "sum(rate(http_requests_total{code!~\"5..\",revision=\"{{args.hash}}\"}[1m]))"
                    + " / sum(rate(http_requests_total{revision=\"{{args.hash}}\"}[1m]))"))
            .build()))
        .isEmpty();
  }

  @Test
  void aConditionThatDoesNotCompileIsReportedWithItsPositionBeforeAnyRun() {
    assertThat(problems(List.of(), metric("m").successCondition("result[0] >= 'high'").build()))
        .containsExactly("metrics[0].successCondition: \"result[0] >= 'high'\" at 1:11:"
            + " found no matching overload for '_>=_' applied to '(double, string)'");
    assertThat(problems(List.of(), metric("m").failureCondition("result[0] >").build()))
        .singleElement().asString().startsWith("metrics[0].failureCondition: \"result[0] >\" at 1:12: ");
  }

  @Test
  void anArgThatIsNotDeclaredIsReportedWhereItIsUsed() {
    Metric metric = Metric.builder("m")
        .prometheus(new PrometheusMetric("http://prometheus:9090", "up{pod=\"{{args.pod}}\"}", null,
            List.of(new HttpHeader("X-Org", "{{args.org}}")), Optional.empty(), false))
        .build();
    assertThat(problems(List.of(Argument.declared("other")), metric)).containsExactly(
        "metrics[0].provider.prometheus.query: uses {{args.pod}}, but no arg \"pod\" is declared",
        "metrics[0].provider.prometheus.headers[0].value: uses {{args.org}}, but no arg \"org\" is declared");
  }

  @Test
  void durationsCountsAndAddressesMustRead() {
    assertThat(problems(List.of(), metric("m").interval("5 minutes").build()))
        .singleElement().asString().startsWith("metrics[0]: interval: ");
    assertThat(problems(List.of(), metric("m").count(3).build()))
        .containsExactly("metrics[0].interval: count 3 needs an interval between measurements");
    assertThat(problems(List.of(), Metric.builder("m").prometheus(PrometheusMetric.of("prometheus:9090", "up")).build()))
        .containsExactly("metrics[0].provider.prometheus.address:"
            + " \"prometheus:9090\" is not an http:// or https:// URL with a host");
    assertThat(problems(List.of(), Metric.builder("m").prometheus(PrometheusMetric.of("http://p", " ")).build()))
        .containsExactly("metrics[0].provider.prometheus.query: a query is required");
  }

  @Test
  void namesAreRequiredAndUnique() {
    assertThat(problems(List.of(), metric("a").build(), metric("a").build()))
        .containsExactly("metrics[1].name: \"a\" is used by an earlier metric too");
    assertThat(problems(List.of())).containsExactly("metrics: at least one metric is needed: nothing would judge the revision");
    assertThat(problems(List.of(), Metric.builder("m").build()))
        .containsExactly("metrics[0].provider: provider.prometheus is required (the only provider so far)");
  }
}
