package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** A core/v1 Event, as {@code kubectl describe} lists it. */
public record EventView(JsonNode object) {

  public String type() {
    return object.path("type").asText();
  }

  public String reason() {
    return object.path("reason").asText();
  }

  public String message() {
    return object.path("message").asText();
  }

  public String involvedKind() {
    return object.at("/involvedObject/kind").asText();
  }

  public String involvedName() {
    return object.at("/involvedObject/name").asText();
  }

  public long resourceVersion() {
    return object.at("/metadata/resourceVersion").asLong();
  }

  @Override
  public String toString() {
    return type() + " " + reason() + ": " + message();
  }
}
