package dev.ramp.cli.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Builds the small JSON merge patches (RFC 7386) the commands send. */
public final class Patches {
  private Patches() {}

  /** {@code {"spec": {field: value}}}. */
  public static JsonObject spec(String field, JsonElement value) {
    return wrap("spec", field, value);
  }

  /** {@code {"status": {field: value}}}. */
  public static JsonObject status(String field, JsonElement value) {
    return wrap("status", field, value);
  }

  public static JsonPrimitive bool(boolean value) {
    return new JsonPrimitive(value);
  }

  public static JsonPrimitive number(long value) {
    return new JsonPrimitive(value);
  }

  /** A merge patch's null: removes the field. */
  public static JsonElement remove() {
    return JsonNull.INSTANCE;
  }

  /**
   * The merge patch that turns {@code from} into {@code to}: fields of {@code from} missing in
   * {@code to} become null, objects are diffed field by field, everything else (arrays too) is
   * replaced when it differs. Empty when they are equal.
   */
  public static JsonObject diff(JsonObject from, JsonObject to) {
    JsonObject patch = new JsonObject();
    for (var entry : from.entrySet()) {
      if (!to.has(entry.getKey())) {
        patch.add(entry.getKey(), JsonNull.INSTANCE);
      }
    }
    for (var entry : to.entrySet()) {
      JsonElement old = from.get(entry.getKey());
      JsonElement now = entry.getValue();
      if (old != null && old.isJsonObject() && now.isJsonObject()) {
        JsonObject nested = diff(old.getAsJsonObject(), now.getAsJsonObject());
        if (nested.size() > 0) {
          patch.add(entry.getKey(), nested);
        }
      } else if (old == null || !old.equals(now)) {
        patch.add(entry.getKey(), now.deepCopy());
      }
    }
    return patch;
  }

  private static JsonObject wrap(String section, String field, JsonElement value) {
    JsonObject inner = new JsonObject();
    inner.add(field, value);
    JsonObject outer = new JsonObject();
    outer.add(section, inner);
    return outer;
  }
}
