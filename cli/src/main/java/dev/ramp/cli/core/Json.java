package dev.ramp.cli.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** Reading paths in Gson trees without null checks at every step. */
public final class Json {
  private Json() {}

  public static Optional<JsonElement> at(JsonObject root, String... path) {
    JsonElement current = root;
    for (String key : path) {
      if (current == null || !current.isJsonObject()) {
        return Optional.empty();
      }
      current = current.getAsJsonObject().get(key);
    }
    return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current);
  }

  public static Optional<JsonObject> object(JsonObject root, String... path) {
    return at(root, path).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
  }

  public static Optional<String> string(JsonObject root, String... path) {
    return at(root, path).filter(e -> e.isJsonPrimitive()).map(JsonElement::getAsString);
  }

  public static int integer(JsonObject root, int otherwise, String... path) {
    return at(root, path).filter(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())
        .map(JsonElement::getAsInt).orElse(otherwise);
  }

  /** {@code {key: value}}. */
  public static JsonObject wrap(String key, JsonElement value) {
    JsonObject object = new JsonObject();
    object.add(key, value);
    return object;
  }
}
