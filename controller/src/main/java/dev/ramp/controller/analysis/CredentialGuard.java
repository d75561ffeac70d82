package dev.ramp.controller.analysis;

import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.analysis.prometheus.PrometheusQuery;
import dev.ramp.analysis.query.MetricProvider;
import dev.ramp.analysis.query.QueryResult;
import java.util.IdentityHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Keeps a query whose credentials could not be read from being sent without them: it becomes an
 * Error measurement that names the Secret, instead of a 401 from Prometheus or, worse, an answer from a
 * Prometheus that did not need them.
 */
final class CredentialGuard implements MetricProvider<PrometheusQuery> {
  private final MetricProvider<PrometheusQuery> delegate;
  private final Map<PrometheusAuth, String> refused;

  private CredentialGuard(MetricProvider<PrometheusQuery> delegate, Map<PrometheusAuth, String> refused) {
    this.delegate = delegate;
    this.refused = new IdentityHashMap<>(refused);
  }

  /** The provider, guarded against the refused credentials (compared by identity), if there are any. */
  static MetricProvider<PrometheusQuery> around(MetricProvider<PrometheusQuery> delegate,
      Map<PrometheusAuth, String> refused) {
    return refused.isEmpty() ? delegate : new CredentialGuard(delegate, refused);
  }

  @Override
  public Mono<QueryResult> query(PrometheusQuery query) {
    String why = refused.get(query.auth());
    return why == null ? delegate.query(query) : Mono.just(new QueryResult.Failure("not queried: " + why));
  }
}
