package dev.ramp.controller.analysis;

import dev.ramp.analysis.args.ArgValue;
import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.engine.MetricCredentials;
import dev.ramp.analysis.engine.RunInput;
import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PrometheusAuthentication;
import dev.ramp.api.analysis.ValueFrom;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What only the controller can read for a run: arg values from Secrets ({@code valueFrom.secretKeyRef},
 * read in the run's namespace) and each metric's Prometheus credentials from its Secret refs. Values
 * are read when the run is reconciled and live only in the engine's input, never in the run.
 *
 * <p>Whatever cannot be read comes with a sentence saying why ("Secret default/prom not found"): an
 * arg then has no value but that reason, and the engine makes the metrics that use it Error at once,
 * repeating it; a metric's credentials are unreadable with that reason, and the engine does not query
 * the metric but records each of its measurements as an Error naming the Secret, until the Secret is
 * there or consecutiveErrorLimit is exceeded.
 */
@Singleton
public class RunInputs {
  private final SecretSource secrets;

  public RunInputs(SecretSource secrets) {
    this.secrets = secrets;
  }

  /**
   * The run's input to the engine: its args and credentials read, or the reasons they could not be.
   *
   * @throws dev.ramp.controller.kube.KubeApiException when a Secret cannot be read for a reason other
   *     than its absence (the run is tried again later rather than recorded as an Error)
   */
  public RunInput resolve(AnalysisRun run) {
    String namespace = run.getMetadata().getNamespace();
    Map<String, Optional<Map<String, String>>> read = new HashMap<>();
    Map<String, ArgValue> values = new HashMap<>();
    for (Argument arg : run.spec().args()) {
      values.put(arg.name(), value(namespace, arg, read));
    }
    Map<String, MetricCredentials> credentials = new HashMap<>();
    for (Metric metric : run.spec().metrics()) {
      Optional<PrometheusAuthentication> authentication =
          metric.prometheus().flatMap(p -> p.authentication());
      if (authentication.isEmpty()) {
        continue;
      }
      credentials.put(metric.name(), credentials(namespace, authentication.get(), read));
    }
    return new RunInput(run.spec(), run.status(), new Args(values), credentials);
  }

  private ArgValue value(String namespace, Argument arg, Map<String, Optional<Map<String, String>>> read) {
    if (arg.value().isPresent()) {
      return ArgValue.of(arg.value().get());
    }
    if (arg.valueFrom().isEmpty()) {
      return ArgValue.unresolved("no value was given");
    }
    ValueFrom from = arg.valueFrom().get();
    if (from.secretKeyRef().isPresent()) {
      return secretValue(namespace, from.secretKeyRef().get(), read);
    }
    // A Rollout resolves these when it creates the run; a run written by hand cannot use them.
    String source = from.podTemplateHashValue().isPresent() ? "valueFrom.podTemplateHashValue" : "valueFrom.fieldRef";
    return ArgValue.unresolved(source + " is resolved only when a Rollout creates the run");
  }

  private MetricCredentials credentials(String namespace, PrometheusAuthentication authentication,
      Map<String, Optional<Map<String, String>>> read) {
    if (authentication.bearer().isPresent()) {
      ArgValue token = secretValue(namespace, authentication.bearer().get().tokenSecretKeyRef(), read);
      return token instanceof ArgValue.Resolved t
          ? MetricCredentials.of(new PrometheusAuth.BearerToken(t.value()))
          : unreadable("the bearer token", (ArgValue.Unresolved) token);
    }
    if (authentication.basic().isPresent()) {
      String username = authentication.basic().get().username();
      ArgValue password = secretValue(namespace, authentication.basic().get().passwordSecretKeyRef(), read);
      return password instanceof ArgValue.Resolved p
          ? MetricCredentials.of(new PrometheusAuth.Basic(username, p.value()))
          : unreadable("the basic-auth password", (ArgValue.Unresolved) password);
    }
    return MetricCredentials.none();
  }

  private static MetricCredentials unreadable(String what, ArgValue.Unresolved secret) {
    return MetricCredentials.unreadable("cannot read " + what + " for Prometheus: " + secret.reason());
  }

  private ArgValue secretValue(String namespace, V1SecretKeySelector ref,
      Map<String, Optional<Map<String, String>>> read) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      return ArgValue.unresolved("secretKeyRef names no Secret");
    }
    String where = "Secret " + namespace + "/" + ref.getName();
    Optional<Map<String, String>> data = read.computeIfAbsent(ref.getName(), name -> secrets.data(namespace, name));
    if (data.isEmpty()) {
      return ArgValue.unresolved(where + " not found");
    }
    String value = data.get().get(ref.getKey());
    if (value == null) {
      return ArgValue.unresolved(where + " has no key \"" + ref.getKey() + "\"");
    }
    return ArgValue.of(value);
  }
}
