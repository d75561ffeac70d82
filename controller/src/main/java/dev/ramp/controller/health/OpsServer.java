package dev.ramp.controller.health;

import com.sun.net.httpserver.HttpExchange;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.config.OpsSettings;
import dev.ramp.controller.metrics.ControllerMetrics;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint: {@code /metrics} (Prometheus), {@code /healthz} (the process answers) and
 * {@code /readyz} (the caches have synced: a standby is ready too, since it can take over at once).
 */
@Singleton
public class OpsServer {
  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

  private final OpsSettings settings;
  private final ControllerMetrics metrics;
  private final Caches caches;
  private HTTPServer server;

  public OpsServer(OpsSettings settings, ControllerMetrics metrics, Caches caches) {
    this.settings = settings;
    this.metrics = metrics;
    this.caches = caches;
  }

  /** Starts serving, unless disabled; returns the port, or -1 when disabled. */
  public synchronized int start() {
    if (!settings.enabled()) {
      return -1;
    }
    if (server == null) {
      try {
        server = HTTPServer.builder()
            .port(settings.port())
            .registry(metrics.registry())
            .defaultHandler(this::handle)
            .buildAndStart();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot serve metrics and health on port " + settings.port()
            + " (ramp.controller.ops.port)", e);
      }
      LOG.info("Serving /metrics, /healthz and /readyz on port {}", server.getPort());
    }
    return server.getPort();
  }

  /** The port served, or -1 when not serving. */
  public synchronized int port() {
    return server == null ? -1 : server.getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/healthz" -> reply(exchange, 200, "ok\n");
      case "/readyz" -> {
        if (caches.hasSynced()) {
          reply(exchange, 200, "ready\n");
        } else {
          reply(exchange, 503, "caches not synced yet\n");
        }
      }
      default -> reply(exchange, 404, "not found: try /metrics, /healthz or /readyz\n");
    }
  }

  private static void reply(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @PreDestroy
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
