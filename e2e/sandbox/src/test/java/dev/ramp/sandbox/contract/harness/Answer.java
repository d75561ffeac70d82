package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One HTTP answer of the cluster under test, as it came over the wire: status code, headers and body.
 * {@link #toString()} names the request and shows the body, so an assertion that fails says what the
 * server answered.
 */
public record Answer(String request, int code, Map<String, List<String>> headers, String body) {

  public JsonNode json() {
    return Json.parseLenient(body);
  }

  /** A node by JSON pointer ({@code /metadata/name}); a missing node when absent. */
  public JsonNode at(String pointer) {
    return json().at(pointer);
  }

  /** The text at a JSON pointer, or {@code ""} when absent. */
  public String text(String pointer) {
    return at(pointer).asText("");
  }

  public String kind() {
    return text("/kind");
  }

  public String name() {
    return text("/metadata/name");
  }

  public String resourceVersion() {
    return text("/metadata/resourceVersion");
  }

  public long generation() {
    return at("/metadata/generation").asLong(-1);
  }

  /** The {@code reason} of a {@code Status} body. */
  public String reason() {
    return text("/reason");
  }

  /** The {@code message} of a {@code Status} body. */
  public String message() {
    return text("/message");
  }

  /** The values of the {@code Warning} headers ({@code 299 - "unknown field \"spec.bogus\""}). */
  public List<String> warnings() {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Warning"))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

  public List<String> itemNames() {
    return Json.itemNames(json());
  }

  @Override
  public String toString() {
    String shown = body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    return request + " -> HTTP " + code + " " + shown;
  }
}
