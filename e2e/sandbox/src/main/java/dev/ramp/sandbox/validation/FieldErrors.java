package dev.ramp.sandbox.validation;

import dev.ramp.api.validation.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** Builds {@link FieldError}s worded as k8s.io/apimachinery's field.Error prints them. */
public final class FieldErrors {
  private FieldErrors() {}

  /** {@code path: Invalid value: <value>: detail}; the value already rendered (see {@link GoFormat}). */
  public static FieldError invalid(String path, String renderedValue, String detail) {
    return new FieldError(path, "FieldValueInvalid", path + ": Invalid value: " + renderedValue + (detail.isEmpty() ? "" : ": " + detail));
  }

  public static FieldError invalidString(String path, String value, String detail) {
    return invalid(path, GoFormat.quote(value), detail);
  }

  public static FieldError required(String path, String detail) {
    return new FieldError(path, "FieldValueRequired", path + ": Required value" + (detail.isEmpty() ? "" : ": " + detail));
  }

  public static FieldError forbidden(String path, String detail) {
    return new FieldError(path, "FieldValueForbidden", path + ": Forbidden" + (detail.isEmpty() ? "" : ": " + detail));
  }

  public static FieldError notSupported(String path, String value, List<String> supported) {
    String values = supported.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
    return new FieldError(path, "FieldValueNotSupported",
        path + ": Unsupported value: " + GoFormat.quote(value) + (supported.isEmpty() ? "" : ": supported values: " + values));
  }

  public static FieldError duplicate(String path, String renderedValue) {
    return new FieldError(path, "FieldValueDuplicate", path + ": Duplicate value: " + renderedValue);
  }

  public static FieldError immutable(String path, String renderedValue) {
    return invalid(path, renderedValue, "field is immutable");
  }
}
