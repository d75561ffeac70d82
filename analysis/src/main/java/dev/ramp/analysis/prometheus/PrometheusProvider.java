package dev.ramp.analysis.prometheus;

import dev.ramp.analysis.query.MetricProvider;
import dev.ramp.analysis.query.QueryResult;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Instant queries against Prometheus' HTTP API ({@code POST /api/v1/query} with {@code query} and
 * {@code time}), asynchronous over {@link HttpClient}.
 *
 * <p>Per measurement: connection errors and 5xx answers are retried with exponential backoff (a
 * bounded number of attempts, all within the metric's timeout); 4xx answers such as {@code bad_data}
 * and malformed answers are not, since asking again gives the same answer. Per Prometheus address, a
 * circuit breaker counts failed measurements; once open, measurements of that address fail at once,
 * without a request, until a trial query succeeds again. A dead Prometheus thus costs quick Error
 * measurements and nothing else.
 */
public final class PrometheusProvider implements MetricProvider<PrometheusQuery> {

  private final Clock clock;
  private final Scheduler scheduler;
  private final HttpClient verifyingClient;
  private final HttpClient insecureClient;
  private final Retry retry;
  private final CircuitBreakerRegistry breakers;

  /** A provider on the system clock and Reactor's parallel scheduler, with default settings. */
  public PrometheusProvider() {
    this(Clock.systemUTC(), Schedulers.parallel(), PrometheusSettings.defaults());
  }

  /**
   * @param clock the query's evaluation {@code time}, and the circuit breaker's time
   * @param scheduler runs the timeout and the waits between attempts
   */
  public PrometheusProvider(Clock clock, Scheduler scheduler, PrometheusSettings settings) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.verifyingClient = httpClient(false);
    this.insecureClient = httpClient(true);
    this.retry = Retry.of("prometheus", RetryConfig.custom()
        .maxAttempts(settings.attempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.firstBackoff(), 2.0))
        .retryOnException(e -> e instanceof PrometheusFailure failure && failure.retryable())
        .build());
    this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .clock(clock)
        .slidingWindow(settings.breakerWindow(), settings.breakerMinimumCalls(),
            CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(settings.breakerFailureRate())
        .waitDurationInOpenState(settings.breakerOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        // a rejected query (bad PromQL, wrong credentials) says nothing about the server's health
        .recordException(e -> !(e instanceof PrometheusFailure failure) || failure.serverAtFault())
        .build());
  }

  private static HttpClient httpClient(boolean insecure) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10));
    if (insecure) {
      builder.sslContext(InsecureTls.context());
    }
    return builder.build();
  }

  @Override
  public Mono<QueryResult> query(PrometheusQuery query) {
    return Mono.defer(() -> {
      HttpRequest request;
      try {
        request = request(query);
      } catch (PrometheusFailure.Invalid invalid) {
        return Mono.just(new QueryResult.Failure(invalid.getMessage()));
      }
      AtomicReference<PrometheusFailure> lastFailure = new AtomicReference<>();
      Mono<QueryResult> attempt = Mono.defer(() -> send(query, request))
          .doOnError(PrometheusFailure.class, lastFailure::set);
      return attempt
          .transform(mono -> withRetry(mono))
          .timeout(query.timeout(), scheduler)
          .onErrorMap(TimeoutException.class, e -> timedOut(query, lastFailure.get()))
          .transformDeferred(CircuitBreakerOperator.of(breaker(query.address())))
          .onErrorResume(e -> Mono.just(new QueryResult.Failure(describe(query, e))));
    });
  }

  /** The circuit breaker's state for an address, for health reporting and tests. */
  public CircuitBreaker.State circuitState(URI address) {
    return breaker(address).getState();
  }

  private CircuitBreaker breaker(URI address) {
    return breakers.circuitBreaker(address.toString().replaceAll("/+$", ""));
  }

  private HttpRequest request(PrometheusQuery query) {
    URI address = query.address();
    if (address.getScheme() == null
        || !(address.getScheme().equals("http") || address.getScheme().equals("https"))
        || address.getHost() == null) {
      throw new PrometheusFailure.Invalid(
          "Prometheus address \"" + address + "\" is not an http:// or https:// URL with a host");
    }
    URI endpoint = URI.create(address.toString().replaceAll("/+$", "") + "/api/v1/query");
    String form = "query=" + URLEncoder.encode(query.query(), StandardCharsets.UTF_8)
        + "&time=" + BigDecimal.valueOf(clock.millis(), 3).toPlainString();
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        // a backstop that frees the connection; the measurement's own timeout (below) ends it first
        .timeout(query.timeout().plusSeconds(1))
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    for (Map.Entry<String, String> header : query.headers().entrySet()) {
      try {
        builder.setHeader(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        throw new PrometheusFailure.Invalid(
            "header \"" + header.getKey() + "\" cannot be sent: " + e.getMessage());
      }
    }
    query.auth().authorizationHeader().ifPresent(value -> builder.setHeader("Authorization", value));
    return builder.build();
  }

  private Mono<QueryResult> send(PrometheusQuery query, HttpRequest request) {
    HttpClient client = query.insecure() ? insecureClient : verifyingClient;
    return Mono.fromFuture(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
        .onErrorMap(e -> !(e instanceof PrometheusFailure), e -> transportFailure(query, e))
        .map(response -> PrometheusResponse.parse(response.statusCode(), response.body()));
  }

  private Mono<QueryResult> withRetry(Mono<QueryResult> attempt) {
    return Mono.defer(() -> {
      Retry.AsyncContext<QueryResult> context = retry.asyncContext();
      return attempt
          .retryWhen(reactor.util.retry.Retry.from(signals -> signals.concatMap(signal -> {
            long waitMillis = context.onError(signal.failure());
            return waitMillis < 0
                ? Mono.error(signal.failure())
                : Mono.delay(Duration.ofMillis(waitMillis), scheduler);
          })))
          .doOnNext(result -> context.onComplete());
    });
  }

  private static PrometheusFailure transportFailure(PrometheusQuery query, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String where = "Prometheus at " + query.address();
    if (cause instanceof HttpConnectTimeoutException) {
      return new PrometheusFailure.Unreachable(where + " did not accept a connection in time");
    }
    if (cause instanceof HttpTimeoutException) {
      return new PrometheusFailure.TimedOut(where + " did not answer within " + human(query.timeout()));
    }
    if (cause instanceof ConnectException) {
      return new PrometheusFailure.Unreachable(where + " is unreachable: connection refused");
    }
    if (cause instanceof SSLException) {
      return new PrometheusFailure.Unreachable(where + ": TLS failed (" + cause.getMessage()
          + "); set insecure: true to skip certificate verification");
    }
    if (cause instanceof ClosedChannelException || cause instanceof IOException) {
      String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return new PrometheusFailure.Unreachable(where + " is unreachable: " + detail);
    }
    return new PrometheusFailure.Unreachable(where + " could not be queried: " + cause);
  }

  private static PrometheusFailure timedOut(PrometheusQuery query, PrometheusFailure last) {
    String lastAttempt = last == null ? "" : " (last attempt: " + last.getMessage() + ")";
    return new PrometheusFailure.TimedOut(
        "Prometheus at " + query.address() + " gave no answer within " + human(query.timeout()) + lastAttempt);
  }

  private String describe(PrometheusQuery query, Throwable error) {
    if (error instanceof CallNotPermittedException) {
      return "not queried: Prometheus at " + query.address()
          + " failed too often recently; it is tried again after a pause (circuit breaker open)";
    }
    if (error instanceof PrometheusFailure) {
      return error.getMessage();
    }
    return "Prometheus at " + query.address() + " could not be queried: " + error;
  }

  static String human(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
