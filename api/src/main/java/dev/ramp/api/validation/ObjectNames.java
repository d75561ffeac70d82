package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The checks a server makes of {@code metadata.name} and {@code generateName}, in its words. */
final class ObjectNames {

  private static final String DNS1123_SUBDOMAIN_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("^" + DNS1123_SUBDOMAIN_FORMAT + "$");

  private ObjectNames() {}

  static List<FieldError> check(JsonNode metadata) {
    List<FieldError> out = new ArrayList<>();
    String name = metadata == null ? "" : metadata.path("name").asText("");
    String generateName = metadata == null ? "" : metadata.path("generateName").asText("");
    if (name.isEmpty() && generateName.isEmpty()) {
      out.add(FieldErrors.required("metadata.name", "name or generateName is required"));
      return out;
    }
    if (!generateName.isEmpty()) {
      // a generated name appends random characters, so a trailing dash is fine
      String masked = generateName.endsWith("-")
          ? generateName.substring(0, generateName.length() - 1) + "a"
          : generateName;
      if (!DNS1123_SUBDOMAIN.matcher(masked).matches() || masked.length() > 253) {
        subdomain("metadata.generateName", masked, generateName, out);
      }
    }
    if (!name.isEmpty()) {
      subdomain("metadata.name", name, name, out);
    }
    return out;
  }

  private static void subdomain(String field, String checked, String value, List<FieldError> out) {
    if (checked.length() > 253) {
      out.add(FieldErrors.invalid(field, value, "must be no more than 253 characters"));
    }
    if (!DNS1123_SUBDOMAIN.matcher(checked).matches()) {
      out.add(FieldErrors.invalid(field, value, "a lowercase RFC 1123 subdomain must consist of lower case"
          + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
          + " (e.g. 'example.com', regex used for validation is '" + DNS1123_SUBDOMAIN_FORMAT + "')"));
    }
  }
}
