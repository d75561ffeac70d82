package dev.ramp.controller.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisTemplateSpec;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.DryRun;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.MetricProvider;
import dev.ramp.api.analysis.PodTemplateHashValue;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.api.analysis.ValueFrom;
import dev.ramp.api.rollout.AnalysisTemplateRef;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.controller.plan.AnalysisPurpose;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisRunsTest {
  private static final Rollout ROLLOUT = ReplicaSetsTest.rollout();

  private static Metric metric(String name) {
    return Metric.builder(name)
        .provider(MetricProvider.prometheus(PrometheusMetric.of("http://prometheus:9090", "up{{args.service}}")))
        .build();
  }

  private static final AnalysisTemplateSpec SUCCESS_RATE = new AnalysisTemplateSpec(List.of(metric("success-rate")),
      List.of(Argument.declared("service"), Argument.of("threshold", "0.95"), Argument.declared("hash"),
          Argument.declared("token")),
      List.of(), List.of());
  private static final AnalysisTemplateSpec LATENCY = new AnalysisTemplateSpec(List.of(metric("latency")),
      List.of(Argument.declared("service"), Argument.declared("rollout")), List.of(new DryRun("latency")), List.of());

  private static RolloutAnalysis analysis(List<Argument> args) {
    return RolloutAnalysis.of(List.of(AnalysisTemplateRef.of("success-rate"), AnalysisTemplateRef.cluster("latency")),
        args);
  }

  private static final List<Argument> GIVEN = List.of(
      Argument.of("service", "web"),
      Argument.from("hash", ValueFrom.podTemplateHash(PodTemplateHashValue.STABLE)),
      Argument.from("token", ValueFrom.secret("prom", "token")),
      Argument.from("rollout", ValueFrom.field("metadata.name")),
      Argument.of("unused", "x"));

  @Test
  void templatesAreMergedAndArgsResolvedExceptSecrets() {
    AnalysisRuns.Merged merged = AnalysisRuns.merge(ROLLOUT, analysis(GIVEN),
        List.of("AnalysisTemplate shop/success-rate", "ClusterAnalysisTemplate latency"),
        List.of(SUCCESS_RATE, LATENCY), "new1", "old1");

    assertThat(merged.problems()).isEmpty();
    AnalysisRunSpec spec = merged.spec().orElseThrow();
    assertThat(spec.metrics()).extracting(Metric::name).containsExactly("success-rate", "latency");
    assertThat(spec.args()).containsExactly(
        Argument.of("service", "web"),
        Argument.of("threshold", "0.95"),
        Argument.of("hash", "old1"),
        Argument.from("token", ValueFrom.secret("prom", "token")),
        Argument.of("rollout", "web"));
    assertThat(spec.isDryRun("latency")).isTrue();
  }

  @Test
  void anArgumentNobodyGivesIsAProblemThatNamesTheTemplate() {
    AnalysisRuns.Merged merged = AnalysisRuns.merge(ROLLOUT, analysis(List.of(Argument.of("service", "web"))),
        List.of("AnalysisTemplate shop/success-rate", "ClusterAnalysisTemplate latency"),
        List.of(SUCCESS_RATE, LATENCY), "new1", "old1");

    assertThat(merged.spec()).isEmpty();
    assertThat(merged.problems()).containsExactly(
        "AnalysisTemplate shop/success-rate needs argument 'hash', which the Rollout does not give",
        "AnalysisTemplate shop/success-rate needs argument 'token', which the Rollout does not give",
        "ClusterAnalysisTemplate latency needs argument 'rollout', which the Rollout does not give");
  }

  @Test
  void aMetricDefinedByTwoTemplatesIsAProblem() {
    AnalysisRuns.Merged merged = AnalysisRuns.merge(ROLLOUT, analysis(GIVEN), List.of("A", "B"),
        List.of(SUCCESS_RATE, new AnalysisTemplateSpec(List.of(metric("success-rate")), List.of(), List.of(),
            List.of())), "new1", "old1");

    assertThat(merged.problems()).contains("metric 'success-rate' is defined by both A and B");
  }

  @Test
  void theRunIsLabelledWithItsPurposeAndRevisionAndOwnedByTheRollout() {
    AnalysisRunSpec spec = AnalysisRunSpec.of(List.of(metric("m")), List.of());

    AnalysisRun run = AnalysisRuns.build(ROLLOUT, "web-new1-step-2", new AnalysisPurpose.Step(2), "new1", spec);

    assertThat(run.getMetadata().getName()).isEqualTo("web-new1-step-2");
    assertThat(run.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(run.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(
        Map.of("ramp.dev/analysis", "step-2", "rollouts-pod-template-hash", "new1"));
    assertThat(run.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> {
          assertThat(ref.getUid()).isEqualTo("uid-1");
          assertThat(ref.getController()).isTrue();
        });
    assertThat(run.spec()).isEqualTo(spec);
  }
}
