package dev.ramp.api.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds {@link FieldError}s worded like apimachinery's {@code field.Error}: {@code <path>: <type>:
 * <bad value>: <detail>}, with the pieces each error type leaves out.
 */
final class FieldErrors {

  static final String INVALID = "FieldValueInvalid";
  static final String TYPE_INVALID = "FieldValueTypeInvalid";
  static final String NOT_SUPPORTED = "FieldValueNotSupported";
  static final String REQUIRED = "FieldValueRequired";
  static final String FORBIDDEN = "FieldValueForbidden";
  static final String DUPLICATE = "FieldValueDuplicate";
  static final String TOO_LONG = "FieldValueTooLong";
  static final String TOO_MANY = "FieldValueTooMany";
  static final String INTERNAL = "InternalError";

  /** How a field path prints when there is none (the root of what was validated). */
  static final String NO_FIELD = "<nil>";

  private FieldErrors() {}

  static FieldError invalid(String field, Object badValue, String detail) {
    return withValue(field, INVALID, "Invalid value", badValue, detail);
  }

  static FieldError typeInvalid(String field, Object badValue, String detail) {
    return withValue(field, TYPE_INVALID, "Invalid value", badValue, detail);
  }

  static FieldError notSupported(String field, Object badValue, List<String> supported) {
    String detail = supported.isEmpty()
        ? ""
        : "supported values: " + supported.stream().map(GoText::quote).collect(Collectors.joining(", "));
    return withValue(field, NOT_SUPPORTED, "Unsupported value", badValue, detail);
  }

  static FieldError duplicate(String field, Object badValue) {
    return withValue(field, DUPLICATE, "Duplicate value", badValue, "");
  }

  static FieldError required(String field, String detail) {
    return withoutValue(field, REQUIRED, "Required value", detail);
  }

  static FieldError forbidden(String field, String detail) {
    return withoutValue(field, FORBIDDEN, "Forbidden", detail);
  }

  static FieldError tooLong(String field, long maxLength) {
    return withoutValue(field, TOO_LONG, "Too long", "may not be longer than " + maxLength);
  }

  static FieldError tooMany(String field, long actual, long max) {
    return withValue(field, TOO_MANY, "Too many", actual, "must have at most " + max + " items");
  }

  static FieldError internal(String field, String detail) {
    return withoutValue(field, INTERNAL, "Internal error", detail);
  }

  /** Errors of these types make the server skip CEL rules (kube-apiserver 1.28's hasBlockingErr). */
  static boolean blocksCel(FieldError error) {
    return switch (error.type()) {
      case REQUIRED, TOO_LONG, TOO_MANY, TYPE_INVALID -> true;
      default -> false;
    };
  }

  static FieldError celSkipped() {
    return invalid(NO_FIELD, null,
        "some validation rules were not checked because the object was invalid; correct the existing"
            + " errors to complete validation");
  }

  private static FieldError withValue(
      String field, String type, String label, Object badValue, String detail) {
    String f = printable(field);
    String body = label + ": " + GoText.badValue(badValue);
    return new FieldError(f, type, f + ": " + body + (detail.isEmpty() ? "" : ": " + detail));
  }

  private static FieldError withoutValue(String field, String type, String label, String detail) {
    String f = printable(field);
    return new FieldError(f, type, f + ": " + label + (detail.isEmpty() ? "" : ": " + detail));
  }

  private static String printable(String field) {
    return field == null || field.isEmpty() ? NO_FIELD : field;
  }
}
