package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import dev.ramp.api.value.Durations;
import io.kubernetes.client.custom.IntOrString;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PromQL instant query against a Prometheus server.
 *
 * @param timeout how long one query may take: a Go duration or whole seconds (default 30s)
 * @param insecure skip TLS certificate verification
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record PrometheusMetric(
    String address,
    String query,
    IntOrString timeout,
    List<HttpHeader> headers,
    Optional<PrometheusAuthentication> authentication,
    boolean insecure) {

  public static final IntOrString DEFAULT_TIMEOUT = new IntOrString("30s");

  public PrometheusMetric {
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    headers = Copies.list(headers);
    authentication = Copies.optional(authentication);
  }

  public static PrometheusMetric of(String address, String query) {
    return new PrometheusMetric(address, query, null, List.of(), Optional.empty(), false);
  }

  /**
   * The timeout as a duration.
   *
   * @throws dev.ramp.api.value.DurationFormatException if it is neither whole seconds nor a duration
   */
  public Duration parsedTimeout() {
    return Durations.parseSecondsOrDuration(timeout);
  }

  public PrometheusMetric withQuery(String newQuery) {
    return new PrometheusMetric(address, newQuery, timeout, headers, authentication, insecure);
  }

  public PrometheusMetric withAddress(String newAddress) {
    return new PrometheusMetric(newAddress, query, timeout, headers, authentication, insecure);
  }
}
