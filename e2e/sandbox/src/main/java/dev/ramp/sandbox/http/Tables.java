package dev.ramp.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.registry.PrinterColumn;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.ListResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side printing for {@code kubectl get}: a meta.k8s.io/v1 Table with the columns kubectl shows
 * for the common kinds, a CRD's additionalPrinterColumns, or Name and Age.
 */
final class Tables {
  private record Column(String name, String type, String format, String description, int priority,
      Function<ObjectNode, Object> value) {}

  private Tables() {}

  static boolean wanted(HttpExchange exchange) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return accept != null && accept.contains("as=Table");
  }

  static ObjectNode list(ListResult result, Clock clock) {
    List<ObjectNode> items = new ArrayList<>();
    result.items().forEach(item -> items.add(result.type().present(item)));
    ObjectNode table = table(result.type(), items, clock);
    ObjectNode metadata = table.putObject("metadata");
    metadata.put("resourceVersion", Long.toString(result.resourceVersion()));
    if (!result.continueToken().isEmpty()) {
      metadata.put("continue", result.continueToken());
    }
    if (result.remainingItemCount().isPresent()) {
      metadata.put("remainingItemCount", result.remainingItemCount().getAsLong());
    }
    return reorder(table);
  }

  static ObjectNode single(ResourceType type, ObjectNode object, Clock clock) {
    ObjectNode table = table(type, List.of(object), clock);
    table.putObject("metadata").put("resourceVersion", Json.text(object, "metadata", "resourceVersion"));
    return reorder(table);
  }

  private static ObjectNode reorder(ObjectNode table) {
    ObjectNode ordered = Json.object();
    ordered.put("kind", "Table");
    ordered.put("apiVersion", "meta.k8s.io/v1");
    ordered.set("metadata", table.get("metadata"));
    ordered.set("columnDefinitions", table.get("columnDefinitions"));
    ordered.set("rows", table.get("rows"));
    return ordered;
  }

  private static ObjectNode table(ResourceType type, List<ObjectNode> items, Clock clock) {
    List<Column> columns = columns(type, clock);
    ObjectNode table = Json.object();
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column column : columns) {
      ObjectNode definition = definitions.addObject();
      definition.put("name", column.name());
      definition.put("type", column.type());
      definition.put("format", column.format());
      definition.put("description", column.description());
      definition.put("priority", column.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Column column : columns) {
        Object value = column.value().apply(item);
        if (value instanceof Number number) {
          cells.add(number.longValue());
        } else if (value instanceof JsonNode node) {
          cells.add(node);
        } else {
          cells.add(String.valueOf(value));
        }
      }
      ObjectNode partial = row.putObject("object");
      partial.put("kind", "PartialObjectMetadata");
      partial.put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", item.get("metadata"));
    }
    return table;
  }

  private static Column name() {
    return new Column("Name", "string", "name", "Name must be unique within a namespace.", 0,
        item -> Json.text(item, "metadata", "name"));
  }

  private static Column age(Clock clock) {
    return new Column("Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created.",
        0, item -> age(Json.text(item, "metadata", "creationTimestamp"), clock));
  }

  private static Column column(String name, String type, Function<ObjectNode, Object> value) {
    return new Column(name, type, "", name, 0, value);
  }

  private static List<Column> columns(ResourceType type, Clock clock) {
    if (type.custom()) {
      List<Column> columns = new ArrayList<>(List.of(name()));
      if (type.printerColumns().isEmpty()) {
        columns.add(age(clock));
      }
      for (PrinterColumn printer : type.printerColumns()) {
        columns.add(new Column(printer.name(), printer.type(), printer.format(), printer.description(), printer.priority(),
            item -> {
              JsonNode value = JsonPaths.evaluate(item, printer.jsonPath());
              if (value.isMissingNode() || value.isNull()) {
                return "<none>";
              }
              if (printer.type().equals("date")) {
                return age(value.asText(), clock);
              }
              return value.isValueNode() ? (value.isNumber() ? (Object) value.asLong() : value.asText()) : value.toString();
            }));
      }
      return columns;
    }
    return switch (type.collection()) {
      case "core/pods" -> List.of(name(),
          column("Ready", "string", item -> readyContainers(item)),
          column("Status", "string", item -> Json.has(item, "metadata", "deletionTimestamp") ? "Terminating"
              : Json.text(item, "status", "phase")),
          column("Restarts", "string", item -> Long.toString(restarts(item))),
          age(clock));
      case "apps/deployments" -> List.of(name(),
          column("Ready", "string", item -> item.path("status").path("readyReplicas").asLong(0) + "/"
              + item.path("spec").path("replicas").asLong(0)),
          column("Up-to-date", "integer", item -> item.path("status").path("updatedReplicas").asLong(0)),
          column("Available", "integer", item -> item.path("status").path("availableReplicas").asLong(0)),
          age(clock));
      case "apps/replicasets" -> List.of(name(),
          column("Desired", "integer", item -> item.path("spec").path("replicas").asLong(0)),
          column("Current", "integer", item -> item.path("status").path("replicas").asLong(0)),
          column("Ready", "integer", item -> item.path("status").path("readyReplicas").asLong(0)),
          age(clock));
      case "core/services" -> List.of(name(),
          column("Type", "string", item -> Json.text(item, "spec", "type")),
          column("Cluster-IP", "string", item -> Json.text(item, "spec", "clusterIP")),
          column("External-IP", "string", item -> "<none>"),
          column("Port(s)", "string", Tables::ports),
          age(clock));
      case "core/namespaces" -> List.of(name(), column("Status", "string", item -> Json.text(item, "status", "phase")),
          age(clock));
      case "apiextensions.k8s.io/customresourcedefinitions" -> List.of(name(),
          column("Created At", "date", item -> Json.text(item, "metadata", "creationTimestamp")));
      default -> List.of(name(), age(clock));
    };
  }

  private static String readyContainers(ObjectNode pod) {
    int total = pod.path("spec").path("containers").size();
    int ready = 0;
    for (JsonNode status : pod.path("status").path("containerStatuses")) {
      if (status.path("ready").asBoolean(false)) {
        ready++;
      }
    }
    return ready + "/" + total;
  }

  private static long restarts(ObjectNode pod) {
    long restarts = 0;
    for (JsonNode status : pod.path("status").path("containerStatuses")) {
      restarts += status.path("restartCount").asLong(0);
    }
    return restarts;
  }

  private static String ports(ObjectNode service) {
    List<String> ports = new ArrayList<>();
    for (JsonNode port : service.path("spec").path("ports")) {
      ports.add(port.path("port").asText() + (port.has("nodePort") ? ":" + port.path("nodePort").asText() : "") + "/"
          + Json.text(port, "protocol"));
    }
    return ports.isEmpty() ? "<none>" : String.join(",", ports);
  }

  /** kubectl's HumanDuration. */
  static String age(String timestamp, Clock clock) {
    Instant created = Timestamps.parse(timestamp).orElse(null);
    if (created == null) {
      return "<unknown>";
    }
    Duration duration = Duration.between(created, clock.instant());
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long rest = seconds % 60;
      return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long rest = minutes % 60;
      return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = hours / 24;
    if (days < 8) {
      long rest = hours % 24;
      return rest == 0 ? days + "d" : days + "d" + rest + "h";
    }
    if (days < 730) {
      return days + "d";
    }
    return days / 365 + "y";
  }
}
