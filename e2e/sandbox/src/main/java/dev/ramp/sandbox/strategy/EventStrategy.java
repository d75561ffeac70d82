package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import dev.ramp.sandbox.validation.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Events in their core/v1 storage form, validated as pkg/apis/core/validation/events.go does: the
 * legacy rules for every write, the strict ones for writes through events.k8s.io/v1 (E2, E5). Times
 * are stored as Time (seconds) and MicroTime (microseconds) (E1, E4).
 */
public final class EventStrategy implements KindStrategy {
  private final boolean strict;

  private EventStrategy(boolean strict) {
    this.strict = strict;
  }

  public static EventStrategy core() {
    return new EventStrategy(false);
  }

  public static EventStrategy eventsV1() {
    return new EventStrategy(true);
  }

  @Override
  public void prepareForCreate(ObjectNode event) {
    normalize(event);
  }

  @Override
  public void prepareForUpdate(ObjectNode event, ObjectNode old) {
    normalize(event);
  }

  private static void normalize(ObjectNode event) {
    Timestamps.normalizeTime(event, "firstTimestamp");
    Timestamps.normalizeTime(event, "lastTimestamp");
    Timestamps.normalizeMicroTime(event, "eventTime");
    if (event.get("series") instanceof ObjectNode series) {
      Timestamps.normalizeMicroTime(series, "lastObservedTime");
    }
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode event) {
    List<FieldError> errors = legacy(event);
    if (!strict) {
      return errors;
    }
    errors.addAll(series(event));
    if (!Json.has(event, "eventTime")) {
      errors.add(FieldErrors.required("eventTime", ""));
    }
    String type = Json.text(event, "type");
    if (!type.equals("Normal") && !type.equals("Warning")) {
      errors.add(FieldErrors.invalidString("type", "", "has invalid value: " + type));
    }
    for (String field : List.of("firstTimestamp", "lastTimestamp")) {
      if (Json.has(event, field)) {
        errors.add(FieldErrors.invalidString(field, "", "needs to be unset"));
      }
    }
    if (event.path("count").asLong(0) != 0) {
      errors.add(FieldErrors.invalidString("count", "", "needs to be unset"));
    }
    if (!Json.text(event, "source", "component").isEmpty() || !Json.text(event, "source", "host").isEmpty()) {
      errors.add(FieldErrors.invalidString("source", "", "needs to be unset"));
    }
    return errors;
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode event, ObjectNode old) {
    List<FieldError> errors = legacy(event);
    if (!strict) {
      return errors;
    }
    if (!event.path("series").equals(old.path("series"))) {
      errors.addAll(series(event));
    }
    for (String field : List.of("involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp",
        "count", "type", "eventTime", "action", "related", "reportingComponent", "reportingInstance")) {
      if (!event.path(field).equals(old.path(field))) {
        String path = field.equals("reportingComponent") ? "reportingController" : field;
        errors.add(FieldErrors.immutable(path, render(event.path(field))));
      }
    }
    return errors;
  }

  private static String render(JsonNode value) {
    return value.isTextual() ? GoFormat.quote(value.asText()) : value.isMissingNode() ? "\"\"" : value.toString();
  }

  private static List<FieldError> series(ObjectNode event) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode series = event.path("series");
    if (series.isObject()) {
      if (series.path("count").asLong(0) < 2) {
        errors.add(FieldErrors.invalidString("series.count", "", "should be at least 2"));
      }
      if (!Json.has(series, "lastObservedTime")) {
        errors.add(FieldErrors.required("series.lastObservedTime", ""));
      }
    }
    return errors;
  }

  private static List<FieldError> legacy(ObjectNode event) {
    List<FieldError> errors = new ArrayList<>();
    String namespace = Json.text(event, "metadata", "namespace");
    String involvedNamespace = Json.text(event, "involvedObject", "namespace");
    if (!Json.has(event, "eventTime")) {
      if (involvedNamespace.isEmpty()) {
        if (!namespace.isEmpty() && !namespace.equals("default")) {
          errors.add(FieldErrors.invalidString("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
        }
      } else if (!namespace.equals(involvedNamespace)) {
        errors.add(FieldErrors.invalidString("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
      }
    } else {
      if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
        errors.add(FieldErrors.invalidString("involvedObject.namespace", involvedNamespace, "does not match event.namespace"));
      }
      String controller = Json.text(event, "reportingComponent");
      if (controller.isEmpty()) {
        errors.add(FieldErrors.required("reportingController", ""));
      }
      for (String message : Names.qualifiedNameErrors(controller)) {
        errors.add(FieldErrors.invalidString("reportingController", controller, message));
      }
      String instance = Json.text(event, "reportingInstance");
      if (instance.isEmpty()) {
        errors.add(FieldErrors.required("reportingInstance", ""));
      }
      if (instance.length() > 128) {
        errors.add(FieldErrors.invalidString("reportingInstance", "", "can have at most 128 characters"));
      }
      String action = Json.text(event, "action");
      if (action.isEmpty()) {
        errors.add(FieldErrors.required("action", ""));
      }
      if (action.length() > 128) {
        errors.add(FieldErrors.invalidString("action", "", "can have at most 128 characters"));
      }
      String reason = Json.text(event, "reason");
      if (reason.isEmpty()) {
        errors.add(FieldErrors.required("reason", ""));
      }
      if (reason.length() > 128) {
        errors.add(FieldErrors.invalidString("reason", "", "can have at most 128 characters"));
      }
      if (Json.text(event, "message").length() > 1024) {
        errors.add(FieldErrors.invalidString("message", "", "can have at most 1024 characters"));
      }
    }
    for (String message : Names.subdomainErrors(namespace)) {
      if (!namespace.isEmpty()) {
        errors.add(FieldErrors.invalidString("namespace", namespace, message));
      }
    }
    return errors;
  }
}
