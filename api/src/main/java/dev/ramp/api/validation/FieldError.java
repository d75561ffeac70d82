package dev.ramp.api.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One validation failure as kube-apiserver words it: {@code spec.stepWeight: Invalid value: 150:
 * spec.stepWeight in body should be less than or equal to 100}.
 *
 * @param field the field path ({@code spec.stepWeight}, {@code spec.steps[0].setWeight}), or
 *     {@code <nil>} for the root of what was validated, as the server prints it
 * @param type the cause type as the server names it: {@code FieldValueInvalid},
 *     {@code FieldValueNotSupported}, {@code FieldValueRequired}, {@code FieldValueTypeInvalid},
 *     {@code FieldValueForbidden}, {@code FieldValueDuplicate}, {@code FieldValueTooLong},
 *     {@code FieldValueTooMany}, {@code InternalError}
 * @param text the whole line as the server prints it, field path first
 */
public record FieldError(String field, String type, String text) {

  /** The line without its field path: what a Status cause carries as {@code message}. */
  public String body() {
    String prefix = field + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }

  /**
   * The errors as an Invalid status message prints them after {@code <Kind.group> "<name>" is
   * invalid: }: one error alone, several in brackets separated by {@code ", "}, repeated lines once.
   */
  public static String aggregate(List<FieldError> errors) {
    Set<String> lines = new LinkedHashSet<>();
    errors.forEach(e -> lines.add(e.text()));
    return lines.size() == 1 ? lines.iterator().next() : "[" + String.join(", ", lines) + "]";
  }

  /**
   * The message of the 422 a server answers: {@code Canary.fidelity.example.com "can-max" is invalid:
   * [...]}. {@code qualifiedKind} is {@code Kind.group} ({@code Canary.fidelity.example.com}).
   */
  public static String invalidMessage(String qualifiedKind, String name, List<FieldError> errors) {
    return qualifiedKind + " " + GoText.quote(name) + " is invalid: " + aggregate(errors);
  }

  @Override
  public String toString() {
    return text;
  }
}
