package dev.ramp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Raw HTTP against the sandbox, to check codes, reasons, messages and headers exactly. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int code, JsonNode body, List<String> warnings, String text) {
    String message() {
      return body.path("message").asText();
    }

    String reason() {
      return body.path("reason").asText();
    }

    JsonNode at(String pointer) {
      return body.at(pointer);
    }
  }

  private final URI base;

  Http(Sandbox sandbox) {
    this.base = sandbox.url();
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Response post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response put(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response patch(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  Response merge(String path, String json) {
    return patch(path, "application/merge-patch+json", json);
  }

  Response jsonPatch(String path, String json) {
    return patch(path, "application/json-patch+json", json);
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Response delete(String path, String options) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .method("DELETE", HttpRequest.BodyPublishers.ofString(options)));
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Response(response.statusCode(), body, response.headers().allValues("Warning"), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads a whole watch stream (until the server ends it) as JSON lines. */
  List<JsonNode> watch(String path) {
    return watch(path, Long.MAX_VALUE);
  }

  /** Reads a watch stream until the server ends it or {@code events} events came. */
  List<JsonNode> watch(String path, long events) {
    try {
      HttpResponse<java.util.stream.Stream<String>> response = CLIENT.send(
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofLines());
      try (var lines = response.body()) {
        return lines.filter(line -> !line.isBlank()).limit(events).map(line -> {
          try {
            return JSON.readTree(line);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
