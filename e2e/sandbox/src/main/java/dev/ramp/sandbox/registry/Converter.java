package dev.ramp.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import java.util.Iterator;
import java.util.Map;

/** Turns an object between the form a served version shows and the form the store keeps. */
public interface Converter {
  /** The storage form of a requested object (a private copy the converter may reuse). */
  ObjectNode toStorage(ObjectNode requested);

  /** The served form of a stored object, without mutating it (the stored node itself when equal). */
  ObjectNode present(ObjectNode stored);

  /** Same object in every version; only apiVersion differs (a CRD without conversion webhook). */
  static Converter apiVersion(String apiVersion) {
    return new Converter() {
      @Override
      public ObjectNode toStorage(ObjectNode requested) {
        return requested;
      }

      @Override
      public ObjectNode present(ObjectNode stored) {
        return withApiVersion(stored, apiVersion);
      }
    };
  }

  /** A shallow copy with another apiVersion, keeping the field order. */
  static ObjectNode withApiVersion(ObjectNode stored, String apiVersion) {
    if (apiVersion.equals(Json.text(stored, "apiVersion"))) {
      return stored;
    }
    ObjectNode copy = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = stored.fields();
    boolean written = false;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals("apiVersion")) {
        copy.put("apiVersion", apiVersion);
        written = true;
      } else {
        copy.set(field.getKey(), field.getValue());
      }
    }
    if (!written) {
      copy.put("apiVersion", apiVersion);
    }
    return copy;
  }
}
