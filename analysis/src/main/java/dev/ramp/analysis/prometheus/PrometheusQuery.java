package dev.ramp.analysis.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One instant query, everything resolved: address and query with args substituted, credentials read.
 *
 * @param address Prometheus' base URL ({@code http://prometheus:9090}, a path prefix is kept)
 * @param timeout how long a measurement may wait for an answer, retries included
 * @param headers extra request headers (a tenant header for Cortex or Thanos, say)
 * @param insecure skip TLS certificate and host name verification
 */
public record PrometheusQuery(
    URI address, String query, Duration timeout, Map<String, String> headers, PrometheusAuth auth, boolean insecure) {

  /** Argo Rollouts' default; Flagger uses 5 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public PrometheusQuery {
    headers = Map.copyOf(headers);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** A query without headers or credentials, with the default timeout. */
  public static PrometheusQuery of(String address, String query) {
    return new PrometheusQuery(URI.create(address), query, DEFAULT_TIMEOUT, Map.of(), PrometheusAuth.none(), false);
  }

  public PrometheusQuery withTimeout(Duration timeout) {
    return new PrometheusQuery(address, query, timeout, headers, auth, insecure);
  }

  public PrometheusQuery withHeaders(Map<String, String> headers) {
    return new PrometheusQuery(address, query, timeout, headers, auth, insecure);
  }

  public PrometheusQuery withAuth(PrometheusAuth auth) {
    return new PrometheusQuery(address, query, timeout, headers, auth, insecure);
  }

  public PrometheusQuery withInsecure(boolean insecure) {
    return new PrometheusQuery(address, query, timeout, headers, auth, insecure);
  }

  public PrometheusQuery withQuery(String query) {
    return new PrometheusQuery(address, query, timeout, headers, auth, insecure);
  }
}
