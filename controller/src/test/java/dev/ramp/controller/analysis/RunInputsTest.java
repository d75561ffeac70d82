package dev.ramp.controller.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ramp.analysis.args.ArgValue;
import dev.ramp.analysis.engine.MetricCredentials;
import dev.ramp.analysis.engine.RunInput;
import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.BasicAuthentication;
import dev.ramp.api.analysis.BearerAuthentication;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PodTemplateHashValue;
import dev.ramp.api.analysis.PrometheusAuthentication;
import dev.ramp.api.analysis.PrometheusMetric;
import dev.ramp.api.analysis.ValueFrom;
import dev.ramp.controller.kube.KubeApiException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunInputsTest {
  private final Map<String, Map<String, String>> secrets = Map.of(
      "team/prometheus", Map.of("token", "s3cr3t", "tenant", "acme"));
  private final List<String> reads = new ArrayList<>();
  private final RunInputs inputs = new RunInputs((namespace, name) -> {
    reads.add(namespace + "/" + name);
    if (name.equals("broken")) {
      throw new KubeApiException("GET Secret " + namespace + "/" + name, 500, "etcd is down", false);
    }
    return Optional.ofNullable(secrets.get(namespace + "/" + name));
  });

  private static AnalysisRun run(List<Metric> metrics, List<Argument> args) {
    return new AnalysisRun(new V1ObjectMeta().namespace("team").name("run"), AnalysisRunSpec.of(metrics, args));
  }

  private static Metric metric(String name, PrometheusAuthentication auth) {
    return Metric.builder(name).prometheus(new PrometheusMetric("http://prometheus:9090", "up", null, List.of(),
        Optional.ofNullable(auth), false)).build();
  }

  private static V1SecretKeySelector ref(String name, String key) {
    return new V1SecretKeySelector().name(name).key(key);
  }

  @Test
  void argValuesComeFromTheRunAndFromSecretsInItsNamespace() {
    RunInput input = inputs.resolve(run(List.of(metric("m", null)), List.of(
        Argument.of("service", "web"),
        Argument.from("tenant", ValueFrom.secret("prometheus", "tenant")),
        Argument.from("token", ValueFrom.secret("prometheus", "token")))));

    assertThat(input.args().values()).isEqualTo(Map.of(
        "service", ArgValue.of("web"), "tenant", ArgValue.of("acme"), "token", ArgValue.of("s3cr3t")));
    assertThat(reads).as("one read per Secret").containsExactly("team/prometheus");
  }

  @Test
  void anArgWhoseSecretCannotBeReadHasNoValueAndSaysWhy() {
    RunInput input = inputs.resolve(run(List.of(metric("m", null)), List.of(
        Argument.from("absent", ValueFrom.secret("nowhere", "token")),
        Argument.from("keyless", ValueFrom.secret("prometheus", "password")),
        Argument.declared("unset"),
        Argument.from("hash", ValueFrom.podTemplateHash(PodTemplateHashValue.STABLE)))));

    assertThat(input.args().values()).isEqualTo(Map.of(
        "absent", ArgValue.unresolved("Secret team/nowhere not found"),
        "keyless", ArgValue.unresolved("Secret team/prometheus has no key \"password\""),
        "unset", ArgValue.unresolved("no value was given"),
        "hash", ArgValue.unresolved("valueFrom.podTemplateHashValue is resolved only when a Rollout creates the run")));
  }

  @Test
  void credentialsAreReadPerMetric() {
    RunInput input = inputs.resolve(run(List.of(
        metric("bearer", new PrometheusAuthentication(
            Optional.of(new BearerAuthentication(ref("prometheus", "token"))), Optional.empty())),
        metric("basic", new PrometheusAuthentication(
            Optional.empty(), Optional.of(new BasicAuthentication("ramp", ref("prometheus", "token"))))),
        metric("open", null)), List.of()));

    assertThat(input.credentials()).isEqualTo(Map.of(
        "bearer", MetricCredentials.of(new PrometheusAuth.BearerToken("s3cr3t")),
        "basic", MetricCredentials.of(new PrometheusAuth.Basic("ramp", "s3cr3t"))));
    assertThat(input.credentials("open")).isEqualTo(MetricCredentials.none());
  }

  @Test
  void credentialsThatCannotBeReadAreUnreadableNamingTheSecret() {
    RunInput input = inputs.resolve(run(List.of(metric("m", new PrometheusAuthentication(
        Optional.of(new BearerAuthentication(ref("missing", "token"))), Optional.empty()))), List.of()));

    assertThat(input.credentials("m")).isEqualTo(MetricCredentials.unreadable(
        "cannot read the bearer token for Prometheus: Secret team/missing not found"));
  }

  @Test
  void aServerThatCannotSayIsNotAMissingSecret() {
    assertThatThrownBy(() -> inputs.resolve(run(List.of(metric("m", null)),
        List.of(Argument.from("token", ValueFrom.secret("broken", "token"))))))
        .isInstanceOf(KubeApiException.class)
        .hasMessageContaining("etcd is down");
  }
}
