package dev.ramp.sandbox.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.ListResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** Writes a LIST answer as the real server does: built-in items without kind/apiVersion (A5), custom ones with (A5b). */
final class Lists {
  private Lists() {}

  static byte[] write(ListResult result) {
    ResourceType type = result.type();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + result.items().size() * 512);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("kind", type.listKind());
      json.writeStringField("apiVersion", type.apiVersion());
      json.writeObjectFieldStart("metadata");
      json.writeStringField("resourceVersion", Long.toString(result.resourceVersion()));
      if (!result.continueToken().isEmpty()) {
        json.writeStringField("continue", result.continueToken());
      }
      if (result.remainingItemCount().isPresent()) {
        json.writeNumberField("remainingItemCount", result.remainingItemCount().getAsLong());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("items");
      for (ObjectNode stored : result.items()) {
        ObjectNode item = type.present(stored);
        if (type.custom()) {
          json.writeTree(item);
        } else {
          json.writeStartObject();
          Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("kind") && !field.getKey().equals("apiVersion")) {
              json.writeFieldName(field.getKey());
              json.writeTree(field.getValue());
            }
          }
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
