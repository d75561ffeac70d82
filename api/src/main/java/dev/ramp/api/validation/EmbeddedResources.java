package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks a server makes of {@code x-kubernetes-embedded-resource} objects besides their schema
 * (apiextensions' schema/objectmeta): {@code apiVersion} and {@code kind} must be there and well
 * formed. Their metadata is not checked here.
 */
final class EmbeddedResources {

  private static final Pattern DNS1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern GROUP_VERSION = Pattern.compile("^([^/]+/)?[^/]+$");

  private EmbeddedResources() {}

  static List<FieldError> validate(SchemaNode schema, JsonNode object) {
    List<FieldError> out = new ArrayList<>();
    walk(schema, object, "", out);
    return out;
  }

  private static void walk(SchemaNode s, JsonNode x, String path, List<FieldError> out) {
    if (s == null || x == null) {
      return;
    }
    if (x.isObject()) {
      if (s.embeddedResource) {
        check(x, path, out);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        SchemaNode property = s.properties.get(e.getKey());
        if (property != null) {
          walk(property, e.getValue(), child(path, e.getKey()), out);
        } else if (s.additionalProperties != null) {
          walk(s.additionalProperties, e.getValue(), path + "[" + e.getKey() + "]", out);
        }
      }
    } else if (x.isArray() && s.items != null) {
      for (int i = 0; i < x.size(); i++) {
        walk(s.items, x.get(i), path + "[" + i + "]", out);
      }
    }
  }

  private static void check(JsonNode x, String path, List<FieldError> out) {
    String apiVersionPath = child(path, "apiVersion");
    String kindPath = child(path, "kind");
    if (!x.has("apiVersion")) {
      out.add(FieldErrors.required(apiVersionPath, "must not be empty"));
    }
    if (!x.has("kind")) {
      out.add(FieldErrors.required(kindPath, "must not be empty"));
    }
    JsonNode apiVersion = x.get("apiVersion");
    if (apiVersion != null) {
      if (!apiVersion.isTextual()) {
        out.add(FieldErrors.invalid(apiVersionPath, JsonValues.toGo(apiVersion), "must be a string"));
      } else if (apiVersion.textValue().isEmpty()) {
        out.add(FieldErrors.invalid(apiVersionPath, "", "must not be empty"));
      } else if (!GROUP_VERSION.matcher(apiVersion.textValue()).matches()) {
        out.add(FieldErrors.invalid(apiVersionPath, apiVersion.textValue(),
            "unexpected GroupVersion string: " + apiVersion.textValue()));
      }
    }
    JsonNode kind = x.get("kind");
    if (kind != null) {
      if (!kind.isTextual()) {
        out.add(FieldErrors.invalid(kindPath, JsonValues.toGo(kind), "must be a string"));
      } else if (kind.textValue().isEmpty()) {
        out.add(FieldErrors.invalid(kindPath, "", "must not be empty"));
      } else if (!DNS1035_LABEL.matcher(kind.textValue().toLowerCase(java.util.Locale.ROOT)).matches()) {
        out.add(FieldErrors.invalid(kindPath, kind.textValue(), "may have mixed case, but should otherwise match:"
            + " a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
            + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123',"
            + " regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
      }
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
