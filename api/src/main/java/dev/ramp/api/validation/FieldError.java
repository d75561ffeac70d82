package dev.ramp.api.validation;

/**
 * One validation failure as kube-apiserver words it: {@code spec.stepWeight: Invalid value: 150:
 * spec.stepWeight in body should be less than or equal to 100}.
 *
 * @param field the field path ({@code spec.stepWeight}, {@code spec.steps[0].setWeight})
 * @param type the cause type as the server names it: {@code FieldValueInvalid},
 *     {@code FieldValueNotSupported}, {@code FieldValueRequired}, {@code FieldValueTypeInvalid},
 *     {@code FieldValueForbidden}, ...
 * @param text the whole line as the server prints it, field path first
 */
public record FieldError(String field, String type, String text) {
  @Override
  public String toString() {
    return text;
  }
}
