package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.Converter;
import java.util.List;
import java.util.Map;

/**
 * events.k8s.io/v1 Events over the core/v1 storage (E6): {@code regarding} is {@code involvedObject},
 * {@code note} is {@code message}, {@code reportingController} is {@code reportingComponent}, the
 * deprecated* fields are the core ones.
 */
public final class EventsV1Converter implements Converter {
  /** events.k8s.io/v1 name → core/v1 name, in the order events.k8s.io/v1 prints them. */
  private static final List<Map.Entry<String, String>> FIELDS = List.of(
      Map.entry("eventTime", "eventTime"),
      Map.entry("series", "series"),
      Map.entry("reportingController", "reportingComponent"),
      Map.entry("reportingInstance", "reportingInstance"),
      Map.entry("action", "action"),
      Map.entry("reason", "reason"),
      Map.entry("regarding", "involvedObject"),
      Map.entry("related", "related"),
      Map.entry("note", "message"),
      Map.entry("type", "type"),
      Map.entry("deprecatedSource", "source"),
      Map.entry("deprecatedFirstTimestamp", "firstTimestamp"),
      Map.entry("deprecatedLastTimestamp", "lastTimestamp"),
      Map.entry("deprecatedCount", "count"));

  @Override
  public ObjectNode toStorage(ObjectNode requested) {
    ObjectNode core = Json.object();
    core.put("kind", "Event");
    core.put("apiVersion", "v1");
    core.set("metadata", requested.has("metadata") ? requested.get("metadata") : Json.object());
    for (Map.Entry<String, String> field : FIELDS) {
      JsonNode value = requested.get(field.getKey());
      if (value != null && !value.isNull()) {
        core.set(field.getValue(), value);
      }
    }
    if (core.has("series") && core.get("series") instanceof ObjectNode series && series.has("lastObservedTime")) {
      core.set("series", series);
    }
    return core;
  }

  @Override
  public ObjectNode present(ObjectNode stored) {
    ObjectNode event = Json.object();
    event.put("kind", "Event");
    event.put("apiVersion", "events.k8s.io/v1");
    event.set("metadata", stored.get("metadata"));
    for (Map.Entry<String, String> field : FIELDS) {
      JsonNode value = stored.get(field.getValue());
      if (value != null && !value.isNull()) {
        event.set(field.getKey(), value);
      }
    }
    return event;
  }
}
