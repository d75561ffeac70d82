package dev.ramp.analysis.args;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's args as the controller resolved them, and their substitution into {@code {{args.name}}}
 * references (query, address, header values), as in Argo Rollouts. An arg without a value is one the
 * controller could not resolve (or that nobody supplied), with the reason, which a text that uses it
 * repeats.
 */
public record Args(Map<String, ArgValue> values) {

  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*args\\.([A-Za-z0-9_.-]+)\\s*}}");

  public Args {
    values = Map.copyOf(values);
  }

  /** Args that all have values. */
  public static Args of(Map<String, String> resolved) {
    Map<String, ArgValue> values = new java.util.HashMap<>();
    resolved.forEach((name, value) -> values.put(name, ArgValue.of(value)));
    return new Args(values);
  }

  public static Args none() {
    return new Args(Map.of());
  }

  /** The names of the args a text refers to, in order of first use. */
  public static Set<String> referenced(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = REFERENCE.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The text with every reference replaced by its arg's value.
   *
   * @param field what the text is, for the error message ("query", "address", "header X-Org")
   * @throws ArgsException naming the first arg that is missing or has no value, and why it has none
   */
  public String resolve(String text, String field) {
    List<String> problems = problems(text, field);
    if (!problems.isEmpty()) {
      throw new ArgsException(problems.get(0));
    }
    return REFERENCE.matcher(text).replaceAll(match ->
        Matcher.quoteReplacement(((ArgValue.Resolved) values.get(match.group(1))).value()));
  }

  /** What is wrong with the references of a text, one sentence each; empty when it resolves. */
  public List<String> problems(String text, String field) {
    List<String> problems = new ArrayList<>();
    for (String name : referenced(text)) {
      ArgValue value = values.get(name);
      if (value == null) {
        problems.add(field + " uses {{args." + name + "}}, but the run has no arg named \"" + name + "\" ("
            + (values.isEmpty() ? "it has no args" : "its args: " + String.join(", ", new TreeSet<>(values.keySet())))
            + ")");
      } else if (value instanceof ArgValue.Unresolved unresolved) {
        problems.add(field + " uses {{args." + name + "}}, but arg \"" + name + "\" has no value: "
            + unresolved.reason());
      }
    }
    return problems;
  }
}
