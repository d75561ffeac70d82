package dev.ramp.sandbox.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A loopback endpoint that Prometheus scrapes as if it were a service's pods: request counters per
 * revision and status code whose rates a test sets.
 *
 * <p>No request is really served. The counters are the integral of the configured rates over time,
 * brought up to date on every scrape and every change, so a 2% error ratio shows as exactly 2% in
 * {@code rate()} whatever the machine's load. Exposed (Prometheus text format 0.0.4):
 *
 * <ul>
 *   <li>{@code http_requests_total{revision, code}} — counter; code {@code 200} or {@code 500}
 *   <li>{@code http_request_duration_seconds{revision}} — histogram, every request taking the revision's latency
 * </ul>
 *
 * plus the constant labels given at start on every series. Traffic goes to revisions by share, as a
 * mesh splits it by the route weights the controller wrote: {@code trafficShares(Map.of("stable", 80,
 * "canary", 20))} with {@code requestRate(100)} sends 80 and 20 requests a second.
 */
public final class SimulatedWorkload implements AutoCloseable {

  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Clock clock;
  private final Map<String, String> constantLabels;
  private final HttpServer server;

  private double requestsPerSecond = 100;
  private Map<String, Double> shares = new LinkedHashMap<>();
  private final Map<String, Double> errorRatios = new LinkedHashMap<>();
  private final Map<String, Double> latencies = new LinkedHashMap<>();
  private final Map<String, Revision> revisions = new TreeMap<>();
  private Instant lastUpdate;

  private SimulatedWorkload(Clock clock, Map<String, String> constantLabels) throws IOException {
    this.clock = clock;
    this.constantLabels = new TreeMap<>(constantLabels);
    this.lastUpdate = clock.instant();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "simulated-workload");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/metrics", exchange -> {
      byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** A workload on the system clock with no constant labels, serving 100 requests a second to nobody yet. */
  public static SimulatedWorkload start() {
    return start(Clock.systemUTC(), Map.of());
  }

  /**
   * @param constantLabels labels on every series, such as {@code service} or {@code namespace}
   */
  public static SimulatedWorkload start(Clock clock, Map<String, String> constantLabels) {
    try {
      return new SimulatedWorkload(clock, constantLabels);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a loopback port for the simulated workload", e);
    }
  }

  /** {@code host:port}, as a Prometheus scrape target. */
  public String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The metrics endpoint. */
  public URI metricsUrl() {
    return URI.create("http://" + target() + "/metrics");
  }

  /** Requests per second over all revisions. */
  public synchronized SimulatedWorkload requestRate(double perSecond) {
    catchUp();
    requestsPerSecond = perSecond;
    return this;
  }

  /**
   * How traffic is split: each revision's weight over the sum of weights (route weights as written to a
   * VirtualService, or replica counts). Revisions not named get none; their counters stay.
   */
  public synchronized SimulatedWorkload trafficShares(Map<String, ? extends Number> weights) {
    catchUp();
    double sum = weights.values().stream().mapToDouble(Number::doubleValue).sum();
    Map<String, Double> next = new LinkedHashMap<>();
    weights.forEach((revision, weight) -> {
      next.put(revision, sum == 0 ? 0 : weight.doubleValue() / sum);
      revisions.computeIfAbsent(revision, name -> new Revision());
    });
    shares = next;
    return this;
  }

  /** The share of one revision's requests that fail with 500 (0 to 1). */
  public synchronized SimulatedWorkload errorRatio(String revision, double ratio) {
    if (ratio < 0 || ratio > 1) {
      throw new IllegalArgumentException("an error ratio is between 0 and 1, got " + ratio);
    }
    catchUp();
    errorRatios.put(revision, ratio);
    return this;
  }

  /** How long each of a revision's requests takes (default 50 ms). */
  public synchronized SimulatedWorkload latency(String revision, Duration latency) {
    catchUp();
    latencies.put(revision, latency.toNanos() / 1e9);
    return this;
  }

  /** Requests served to a revision so far, by status code. */
  public synchronized Map<String, Double> requests(String revision) {
    catchUp();
    Revision counters = revisions.get(revision);
    return counters == null ? Map.of() : Map.of("200", counters.ok, "500", counters.errors);
  }

  private void catchUp() {
    Instant now = clock.instant();
    double seconds = Duration.between(lastUpdate, now).toNanos() / 1e9;
    lastUpdate = now;
    if (seconds <= 0) {
      return;
    }
    shares.forEach((name, share) -> {
      Revision revision = revisions.get(name);
      double served = requestsPerSecond * share * seconds;
      double errors = served * errorRatios.getOrDefault(name, 0.0);
      revision.ok += served - errors;
      revision.errors += errors;
      double latency = latencies.getOrDefault(name, 0.05);
      revision.latencySum += served * latency;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (latency <= BUCKETS[i]) {
          revision.buckets[i] += served;
        }
      }
    });
  }

  synchronized String exposition() {
    catchUp();
    StringBuilder out = new StringBuilder();
    out.append("# HELP http_requests_total Requests served, by revision and status code.\n");
    out.append("# TYPE http_requests_total counter\n");
    revisions.forEach((name, revision) -> {
      sample(out, "http_requests_total", name, Map.of("code", "200"), revision.ok);
      sample(out, "http_requests_total", name, Map.of("code", "500"), revision.errors);
    });
    out.append("# HELP http_request_duration_seconds Request latency, by revision.\n");
    out.append("# TYPE http_request_duration_seconds histogram\n");
    revisions.forEach((name, revision) -> {
      double count = revision.ok + revision.errors;
      for (int i = 0; i < BUCKETS.length; i++) {
        sample(out, "http_request_duration_seconds_bucket", name, Map.of("le", Double.toString(BUCKETS[i])),
            revision.buckets[i]);
      }
      sample(out, "http_request_duration_seconds_bucket", name, Map.of("le", "+Inf"), count);
      sample(out, "http_request_duration_seconds_sum", name, Map.of(), revision.latencySum);
      sample(out, "http_request_duration_seconds_count", name, Map.of(), count);
    });
    return out.toString();
  }

  private void sample(StringBuilder out, String metric, String revision, Map<String, String> extra, double value) {
    Map<String, String> labels = new TreeMap<>(constantLabels);
    labels.put("revision", revision);
    labels.putAll(extra);
    out.append(metric).append('{');
    boolean first = true;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
    }
    out.append("} ").append(value).append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private static final class Revision {
    double ok;
    double errors;
    double latencySum;
    final double[] buckets = new double[BUCKETS.length];
  }
}
