package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI part of custom resource validation, as kube-openapi's schema validator runs it and
 * apiextensions-apiserver turns its results into field errors: the same checks in the same order,
 * the same paths ({@code spec.steps[0].setWeight}; map keys joined with a dot) and the same words.
 */
final class OpenApiValidator {

  private static final String IN = " in body";

  /** The errors of one node, with kube-openapi's count of passed checks (to pick anyOf/oneOf's best failure). */
  private static final class Result {
    final List<FieldError> errors = new ArrayList<>();
    int matchCount;

    void merge(Result other) {
      errors.addAll(other.errors);
      matchCount += other.matchCount;
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }

  private OpenApiValidator() {}

  /** Validates {@code value} against {@code schema}; paths are relative to {@code value}. */
  static List<FieldError> validate(SchemaNode schema, JsonNode value) {
    return node(schema, value, "").errors;
  }

  private static Result node(SchemaNode s, JsonNode data, String path) {
    Result result = new Result();
    if (JsonValues.isNull(data)) {
      typeCheck(s, data, path, result);
      enumCheck(s, data, path, result);
      return result;
    }
    typeCheck(s, data, path, result);
    compositeCheck(s, data, path, result);
    if (data.isTextual()) {
      stringCheck(s, data.textValue(), path, result);
      formatCheck(s, data.textValue(), path, result);
    }
    if (data.isNumber()) {
      numberCheck(s, data, path, result);
    }
    if (data.isArray()) {
      arrayCheck(s, data, path, result);
    }
    enumCheck(s, data, path, result);
    if (data.isObject()) {
      objectCheck(s, data, path, result);
    }
    result.matchCount++;
    return result;
  }

  private static void typeCheck(SchemaNode s, JsonNode data, String path, Result result) {
    List<String> types = s.acceptedTypes();
    String format = s.effectiveFormat();
    if (types.isEmpty() && format.isEmpty()) {
      return;
    }
    String joined = String.join(",", types);
    if (JsonValues.isNull(data)) {
      if (!types.isEmpty() && !s.nullable) {
        result.errors.add(typeError(path, joined, "null"));
      } else {
        result.matchCount++;
      }
      return;
    }
    String schType = JsonValues.typeOf(data);
    String dataFormat = switch (schType) {
      case "integer" -> "int64";
      case "number" -> "float64";
      default -> "";
    };
    boolean isFloatInt = schType.equals("number") && JsonValues.isIntegral(data.doubleValue())
        && types.contains("integer");
    boolean isIntFloat = schType.equals("integer") && types.contains("number");
    boolean stringOrArray = data.isTextual() || data.isArray();
    if (!stringOrArray && !format.isEmpty()
        && !(types.contains(schType) || format.equals(dataFormat) || isFloatInt || isIntFloat)) {
      result.errors.add(typeError(path, format, dataFormat));
      return;
    }
    if (!(types.contains("number") || types.contains("integer")) && !format.isEmpty() && stringOrArray) {
      result.matchCount++;
      return;
    }
    if (!(types.contains(schType) || isFloatInt || isIntFloat)) {
      result.errors.add(typeError(path, joined, schType));
      return;
    }
    result.matchCount++;
  }

  private static FieldError typeError(String path, String expected, String actual) {
    return FieldErrors.typeInvalid(field(path), actual,
        path + IN + " must be of type " + expected + ": " + GoText.quote(actual));
  }

  private static void compositeCheck(SchemaNode s, JsonNode data, String path, Result main) {
    if (s.allOf.isEmpty() && s.anyOf.isEmpty() && s.oneOf.isEmpty() && s.not == null) {
      return;
    }
    if (!s.anyOf.isEmpty()) {
      Result best = null;
      boolean succeeded = false;
      for (SchemaNode branch : s.anyOf) {
        Result r = node(branch, data, path);
        if (r.valid()) {
          succeeded = true;
          best = null;
          main.merge(r);
          break;
        }
        if (best == null || r.matchCount > best.matchCount) {
          best = r;
        }
      }
      if (!succeeded) {
        main.errors.add(composite(GoText.quote(path) + " must validate at least one schema (anyOf)"));
      }
      if (best != null) {
        main.merge(best);
      }
    }
    if (!s.oneOf.isEmpty()) {
      Result best = null;
      Result firstSuccess = null;
      int validated = 0;
      for (SchemaNode branch : s.oneOf) {
        Result r = node(branch, data, path);
        if (r.valid()) {
          validated++;
          best = null;
          if (firstSuccess == null) {
            firstSuccess = r;
          }
          continue;
        }
        if (validated == 0 && (best == null || r.matchCount > best.matchCount)) {
          best = r;
        }
      }
      if (validated != 1) {
        String more = validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
        main.errors.add(composite(GoText.quote(path) + " must validate one and only one schema (oneOf). " + more));
        if (best != null) {
          main.merge(best);
        }
      } else {
        main.merge(firstSuccess);
      }
    }
    if (!s.allOf.isEmpty()) {
      int validated = 0;
      for (SchemaNode branch : s.allOf) {
        Result r = node(branch, data, path);
        if (r.valid()) {
          validated++;
        }
        main.merge(r);
      }
      if (validated != s.allOf.size()) {
        main.errors.add(composite(GoText.quote(path) + " must validate all the schemas (allOf)"
            + (validated == 0 ? ". None validated" : "")));
      }
    }
    if (s.not != null && node(s.not, data, path).valid()) {
      main.errors.add(composite(GoText.quote(path) + " must not validate the schema (not)"));
    }
    main.matchCount++;
  }

  // kube-openapi reports these as plain errors, which apiextensions files under the validated root.
  private static FieldError composite(String message) {
    return FieldErrors.invalid(FieldErrors.NO_FIELD, "", message);
  }

  private static void stringCheck(SchemaNode s, String data, String path, Result result) {
    long length = data.codePointCount(0, data.length());
    if (s.maxLength != null && length > s.maxLength) {
      result.errors.add(FieldErrors.tooLong(field(path), s.maxLength));
    } else if (s.minLength != null && length < s.minLength) {
      result.errors.add(FieldErrors.invalid(field(path), data,
          path + IN + " should be at least " + s.minLength + " chars long"));
    } else if (s.pattern != null && !s.pattern.matcher(data).find()) {
      result.errors.add(FieldErrors.invalid(field(path), data,
          path + IN + " should match '" + s.patternSource + "'"));
    } else {
      result.matchCount++;
    }
  }

  private static void formatCheck(SchemaNode s, String data, String path, Result result) {
    String format = s.effectiveFormat();
    if (format.isEmpty()) {
      return;
    }
    if (Formats.valid(format, data)) {
      result.matchCount++;
    } else {
      result.errors.add(FieldErrors.typeInvalid(field(path), data,
          path + IN + " must be of type " + format + ": " + GoText.quote(data)));
    }
  }

  private static void numberCheck(SchemaNode s, JsonNode data, String path, Result result) {
    boolean isInt = JsonValues.isInt64(data);
    Object value = JsonValues.toGo(data);
    int before = result.errors.size();
    if (s.multipleOf != null) {
      boolean multiple;
      String factor;
      if (isInt && s.multipleOf >= 1 && JsonValues.isIntegral(s.multipleOf)) {
        long f = s.multipleOf.longValue();
        multiple = data.longValue() % f == 0;
        factor = Long.toString(f);
      } else {
        double d = data.doubleValue();
        double mult = s.multipleOf < 1 ? 1 / s.multipleOf * d : d / s.multipleOf;
        multiple = Math.abs(mult - Math.rint(mult)) <= 1e-9 * Math.max(1, Math.abs(mult));
        factor = GoText.formatFloat(s.multipleOf);
      }
      if (!multiple) {
        result.errors.add(FieldErrors.invalid(field(path), value,
            path + IN + " should be a multiple of " + factor));
      }
    }
    if (s.minimum != null) {
      boolean below = isInt
          ? (s.exclusiveMinimum ? data.longValue() <= (long) (double) s.minimum : data.longValue() < (long) (double) s.minimum)
          : (s.exclusiveMinimum ? data.doubleValue() <= s.minimum : data.doubleValue() < s.minimum);
      if (below) {
        result.errors.add(FieldErrors.invalid(field(path), value, path + IN + " should be greater than "
            + (s.exclusiveMinimum ? "" : "or equal to ") + bound(s.minimum, isInt)));
      }
    }
    if (s.maximum != null) {
      boolean above = isInt
          ? (s.exclusiveMaximum ? data.longValue() >= (long) (double) s.maximum : data.longValue() > (long) (double) s.maximum)
          : (s.exclusiveMaximum ? data.doubleValue() >= s.maximum : data.doubleValue() > s.maximum);
      if (above) {
        result.errors.add(FieldErrors.invalid(field(path), value, path + IN + " should be less than "
            + (s.exclusiveMaximum ? "" : "or equal to ") + bound(s.maximum, isInt)));
      }
    }
    if (result.errors.size() == before) {
      result.matchCount++;
    }
  }

  // Integers are compared with the bound truncated to int64 and print it that way.
  private static String bound(double b, boolean isInt) {
    return isInt ? Long.toString((long) b) : GoText.formatFloat(b);
  }

  private static void arrayCheck(SchemaNode s, JsonNode data, String path, Result result) {
    if (s.items != null) {
      for (int i = 0; i < data.size(); i++) {
        result.merge(node(s.items, data.get(i), path + "[" + i + "]"));
      }
    }
    int before = result.errors.size();
    long size = data.size();
    if (s.minItems != null && size < s.minItems) {
      result.errors.add(FieldErrors.invalid(field(path), size,
          path + IN + " should have at least " + s.minItems + " items"));
    }
    if (s.maxItems != null && size > s.maxItems) {
      result.errors.add(FieldErrors.tooMany(field(path), size, s.maxItems));
    }
    if (result.errors.size() == before) {
      result.matchCount++;
    }
  }

  private static void enumCheck(SchemaNode s, JsonNode data, String path, Result result) {
    if (s.enumValues.isEmpty()) {
      return;
    }
    if (!JsonValues.isNull(data)) {
      for (JsonNode allowed : s.enumValues) {
        if (JsonValues.equal(allowed, data)) {
          result.matchCount++;
          return;
        }
      }
    }
    List<String> supported = new ArrayList<>();
    for (JsonNode allowed : s.enumValues) {
      supported.add(allowed.isTextual() ? allowed.textValue() : allowed.toString());
    }
    result.errors.add(FieldErrors.notSupported(field(path), JsonValues.toGo(data), supported));
  }

  private static void objectCheck(SchemaNode s, JsonNode data, String path, Result result) {
    long count = data.size();
    int before = result.errors.size();
    if (s.minProperties != null && count < s.minProperties) {
      result.errors.add(FieldErrors.invalid(field(path), s.minProperties,
          path + IN + " should have at least " + s.minProperties + " properties"));
    }
    if (s.maxProperties != null && count > s.maxProperties) {
      result.errors.add(FieldErrors.tooMany(field(path), count, s.maxProperties));
    }
    if (s.additionalProperties != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!s.properties.containsKey(e.getKey())) {
          result.merge(node(s.additionalProperties, e.getValue(), path + "." + e.getKey()));
        }
      }
    }
    for (Map.Entry<String, SchemaNode> e : s.properties.entrySet()) {
      JsonNode v = data.get(e.getKey());
      if (v != null) {
        result.merge(node(e.getValue(), v, path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
      }
    }
    for (String name : s.required) {
      if (!data.has(name)) {
        result.errors.add(FieldErrors.required(field(path + "." + name), ""));
      }
    }
    if (result.errors.size() == before) {
      result.matchCount++;
    }
  }

  // apiextensions' kubeOpenAPIResultToFieldErrors: the error name without its leading dot.
  private static String field(String path) {
    String trimmed = path.startsWith(".") ? path.substring(1) : path;
    return trimmed.isEmpty() ? FieldErrors.NO_FIELD : trimmed;
  }
}
