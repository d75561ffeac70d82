package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.validation.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** ConfigMaps and Secrets: key names checked; a Secret's stringData folded into data, type Opaque by default. */
public final class DataStrategy implements KindStrategy {
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final String CONFIG_KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

  private final boolean secret;

  private DataStrategy(boolean secret) {
    this.secret = secret;
  }

  public static DataStrategy configMap() {
    return new DataStrategy(false);
  }

  public static DataStrategy secret() {
    return new DataStrategy(true);
  }

  @Override
  public void prepareForCreate(ObjectNode object) {
    normalize(object);
  }

  @Override
  public void prepareForUpdate(ObjectNode object, ObjectNode old) {
    normalize(object);
  }

  private void normalize(ObjectNode object) {
    if (!secret) {
      return;
    }
    if (!object.has("type")) {
      object.put("type", "Opaque");
    }
    JsonNode stringData = object.remove("stringData");
    if (stringData != null && stringData.isObject()) {
      ObjectNode data = Json.child(object, "data");
      Json.stringMap(stringData).forEach((key, value) ->
          data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    }
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode object) {
    List<FieldError> errors = new ArrayList<>();
    for (String field : List.of("data", "binaryData")) {
      JsonNode data = object.get(field);
      if (data == null || !data.isObject()) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> entries = data.fields();
      while (entries.hasNext()) {
        String key = entries.next().getKey();
        if (!CONFIG_KEY.matcher(key).matches()) {
          errors.add(FieldErrors.invalidString(field + "[" + key + "]", key, CONFIG_KEY_MESSAGE));
        }
      }
    }
    return errors;
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
    List<FieldError> errors = validateCreate(object);
    if (old.path("immutable").asBoolean(false)) {
      for (String field : List.of("data", "binaryData")) {
        if (!object.path(field).equals(old.path(field))) {
          errors.add(FieldErrors.forbidden(field, "field is immutable when `immutable` is set"));
        }
      }
    }
    return errors;
  }
}
