package dev.ramp.sandbox.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A field selector ({@code metadata.name=x,status.phase!=Running}) as k8s.io/apimachinery/pkg/fields parses it. */
public record FieldSelector(List<Term> terms) {

  public record Term(String field, boolean equals, String value) {
    boolean matches(Map<String, String> fields) {
      String actual = fields.getOrDefault(field, "");
      return equals == actual.equals(value);
    }
  }

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private static final String[] OPERATORS = {"!=", "==", "="};

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  public boolean matches(Map<String, String> fields) {
    for (Term term : terms) {
      if (!term.matches(fields)) {
        return false;
      }
    }
    return true;
  }

  /** Refuses field labels the resource does not support (L8), with the real server's message. */
  public void requireSupported(Set<String> supported) {
    for (Term term : terms) {
      if (!supported.contains(term.field())) {
        throw new SelectorException("field label not supported: " + term.field());
      }
    }
  }

  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : splitUnescaped(text)) {
      if (part.isEmpty()) {
        continue;
      }
      Term term = splitTerm(part);
      if (term == null) {
        throw new SelectorException("invalid selector: '" + text + "'; can't understand '" + part + "'");
      }
      terms.add(term);
    }
    return new FieldSelector(List.copyOf(terms));
  }

  private static List<String> splitUnescaped(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
      } else if (c == ',') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static Term splitTerm(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (term.charAt(i) == '\\') {
        i++;
        continue;
      }
      for (String operator : OPERATORS) {
        if (term.startsWith(operator, i)) {
          String value = unescape(term.substring(i + operator.length()));
          return new Term(term.substring(0, i).trim(), !operator.equals("!="), value);
        }
      }
    }
    return null;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        if (i + 1 >= value.length()) {
          throw new SelectorException("invalid field selector: value ends with an unterminated escape: " + value);
        }
        char next = value.charAt(++i);
        if (next != '\\' && next != ',' && next != '=') {
          throw new SelectorException("invalid field selector: invalid escape sequence: \\" + next);
        }
        out.append(next);
      } else if (c == ',' || c == '=') {
        throw new SelectorException("invalid field selector: unescaped " + c + " in value: " + value);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
