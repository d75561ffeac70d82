package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import java.time.Instant;
import java.util.Optional;

/** What controllers read off a pod's status. */
final class Pods {
  private Pods() {}

  static boolean active(JsonNode pod) {
    String phase = Json.text(pod, "status", "phase");
    return !Writes.deleting(pod) && !phase.equals("Succeeded") && !phase.equals("Failed");
  }

  static boolean ready(JsonNode pod) {
    return readySince(pod).isPresent();
  }

  /** When the pod's Ready condition last turned True, if it is True. */
  static Optional<Instant> readySince(JsonNode pod) {
    for (JsonNode condition : pod.path("status").path("conditions")) {
      if (Json.text(condition, "type").equals("Ready")) {
        if (!Json.text(condition, "status").equals("True")) {
          return Optional.empty();
        }
        return Optional.of(Timestamps.parse(Json.text(condition, "lastTransitionTime")).orElse(Instant.EPOCH));
      }
    }
    return Optional.empty();
  }

  static Instant created(JsonNode pod) {
    return Timestamps.parse(Json.text(pod, "metadata", "creationTimestamp")).orElse(Instant.EPOCH);
  }
}
