package dev.ramp.sandbox.selector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.validation.GoFormat;
import dev.ramp.sandbox.validation.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A label selector with k8s.io/apimachinery/pkg/labels semantics: equality ({@code =}, {@code ==},
 * {@code !=}), sets ({@code in}, {@code notin}), existence ({@code key}, {@code !key}) and {@code >},
 * {@code <}. Parse errors carry the real parser's wording (L9).
 */
public record LabelSelector(List<Requirement> requirements) {

  public enum Operator {
    EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER_THAN, LESS_THAN
  }

  public record Requirement(String key, Operator operator, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case IN, EQUALS, DOUBLE_EQUALS -> value != null && values.contains(value);
        case NOT_IN, NOT_EQUALS -> value == null || !values.contains(value);
        case EXISTS -> labels.containsKey(key);
        case DOES_NOT_EXIST -> !labels.containsKey(key);
        case GREATER_THAN, LESS_THAN -> {
          if (value == null) {
            yield false;
          }
          try {
            long actual = Long.parseLong(value);
            long bound = Long.parseLong(values.get(0));
            yield operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
          } catch (NumberFormatException e) {
            yield false;
          }
        }
      };
    }

    @Override
    public String toString() {
      String joined = String.join(",", new TreeSet<>(values));
      return switch (operator) {
        case EQUALS -> key + "=" + joined;
        case DOUBLE_EQUALS -> key + "==" + joined;
        case NOT_EQUALS -> key + "!=" + joined;
        case IN -> key + " in (" + joined + ")";
        case NOT_IN -> key + " notin (" + joined + ")";
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
        case GREATER_THAN -> key + ">" + joined;
        case LESS_THAN -> key + "<" + joined;
      };
    }
  }

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  /** A selector that matches nothing (a LabelSelector JSON that is null means nothing for workloads). */
  public static final LabelSelector NOTHING =
      new LabelSelector(List.of(new Requirement("", Operator.IN, List.of())));

  public boolean matches(Map<String, String> labels) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean matches(JsonNode object) {
    return requirements.isEmpty() || matches(Json.stringMap(Json.at(object, "metadata", "labels")));
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    requirements.forEach(requirement -> parts.add(requirement.toString()));
    return String.join(",", parts);
  }

  /**
   * A metav1.LabelSelector ({@code matchLabels}, {@code matchExpressions}) as a selector. An empty
   * selector object matches everything; a missing one matches nothing, as for workloads.
   */
  public static LabelSelector fromJson(JsonNode selector) {
    if (selector == null || selector.isMissingNode() || selector.isNull()) {
      return NOTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    Json.stringMap(selector.get("matchLabels")).forEach((key, value) ->
        requirements.add(new Requirement(key, Operator.EQUALS, List.of(value))));
    JsonNode expressions = selector.get("matchExpressions");
    if (expressions != null && expressions.isArray()) {
      for (JsonNode expression : expressions) {
        String key = Json.text(expression, "key");
        List<String> values = Json.stringList(expression.get("values"));
        Operator operator = switch (Json.text(expression, "operator")) {
          case "In" -> Operator.IN;
          case "NotIn" -> Operator.NOT_IN;
          case "Exists" -> Operator.EXISTS;
          case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
          default -> null;
        };
        if (operator == null) {
          return NOTHING;
        }
        requirements.add(new Requirement(key, operator, values));
      }
    }
    requirements.sort(Comparator.comparing(Requirement::key));
    return new LabelSelector(List.copyOf(requirements));
  }

  /** The labels of {@code matchLabels}, sorted: what a selector string of a Scale shows. */
  public static Map<String, String> matchLabels(JsonNode selector) {
    return new TreeMap<>(Json.stringMap(Json.at(selector, "matchLabels")));
  }

  /** Parses a selector string; throws {@link SelectorException} with the real parser's message. */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new Parser(text).parse();
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    return new LabelSelector(List.copyOf(sorted));
  }

  private enum Token {
    ERROR, END, CLOSED_PAR, COMMA, DOES_NOT_EXIST, DOUBLE_EQUALS, EQUALS, GREATER_THAN, IDENTIFIER, IN, LESS_THAN,
    NOT_EQUALS, NOT_IN, OPEN_PAR
  }

  private record Item(Token token, String literal) {}

  private static final Map<String, Token> KEYWORDS = Map.ofEntries(
      Map.entry(")", Token.CLOSED_PAR), Map.entry(",", Token.COMMA), Map.entry("!", Token.DOES_NOT_EXIST),
      Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER_THAN),
      Map.entry("in", Token.IN), Map.entry("<", Token.LESS_THAN), Map.entry("!=", Token.NOT_EQUALS),
      Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAR));

  /** The lexer and recursive-descent parser of k8s.io/apimachinery/pkg/labels, error texts included. */
  private static final class Parser {
    private final String text;
    private int pos;
    private final List<Item> items = new ArrayList<>();
    private int position;

    Parser(String text) {
      this.text = text;
    }

    private char read() {
      return pos < text.length() ? text.charAt(pos++) : 0;
    }

    private static boolean whitespace(char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean special(char c) {
      return "=!(),><".indexOf(c) >= 0 && c != 0;
    }

    private Item lex() {
      char c = read();
      while (whitespace(c)) {
        c = read();
      }
      if (c == 0) {
        return new Item(Token.END, "");
      }
      pos--;
      if (special(c)) {
        StringBuilder buffer = new StringBuilder();
        Item last = null;
        while (true) {
          char next = read();
          if (next == 0) {
            break;
          }
          if (special(next)) {
            buffer.append(next);
            Token token = KEYWORDS.get(buffer.toString());
            if (token != null) {
              last = new Item(token, buffer.toString());
            } else if (last != null) {
              pos--;
              break;
            }
          } else {
            pos--;
            break;
          }
        }
        return last != null ? last : new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'");
      }
      StringBuilder buffer = new StringBuilder();
      while (true) {
        char next = read();
        if (next == 0) {
          break;
        }
        if (special(next) || whitespace(next)) {
          pos--;
          break;
        }
        buffer.append(next);
      }
      String literal = buffer.toString();
      Token keyword = KEYWORDS.get(literal);
      return new Item(keyword != null ? keyword : Token.IDENTIFIER, literal);
    }

    private Item lookahead(boolean values) {
      return adjust(items.get(position), values);
    }

    private Item consume(boolean values) {
      return adjust(items.get(position++), values);
    }

    private static Item adjust(Item item, boolean values) {
      if (values && (item.token == Token.IN || item.token == Token.NOT_IN)) {
        return new Item(Token.IDENTIFIER, item.literal);
      }
      return item;
    }

    List<Requirement> parse() {
      while (true) {
        Item item = lex();
        items.add(item);
        if (item.token == Token.END) {
          break;
        }
      }
      List<Requirement> requirements = new ArrayList<>();
      while (true) {
        Item next = lookahead(true);
        switch (next.token) {
          case IDENTIFIER, DOES_NOT_EXIST -> {
            try {
              requirements.add(parseRequirement());
            } catch (SelectorException e) {
              throw new SelectorException("unable to parse requirement: " + e.getMessage());
            }
            Item after = consume(true);
            switch (after.token) {
              case END -> {
                return requirements;
              }
              case COMMA -> {
                Item following = lookahead(true);
                if (following.token != Token.IDENTIFIER && following.token != Token.DOES_NOT_EXIST) {
                  throw new SelectorException("found '" + following.literal + "', expected: identifier after ','");
                }
              }
              default -> throw new SelectorException("found '" + after.literal + "', expected: ',' or 'end of string'");
            }
          }
          case END -> {
            return requirements;
          }
          default -> throw new SelectorException("found '" + next.literal + "', expected: !, identifier, or 'end of string'");
        }
      }
    }

    private Requirement parseRequirement() {
      Operator operator = null;
      Item item = consume(true);
      if (item.token == Token.DOES_NOT_EXIST) {
        operator = Operator.DOES_NOT_EXIST;
        item = consume(true);
      }
      if (item.token != Token.IDENTIFIER) {
        throw new SelectorException("found '" + item.literal + "', expected: identifier");
      }
      String key = item.literal;
      List<String> keyErrors = Names.qualifiedNameErrors(key);
      if (!keyErrors.isEmpty()) {
        throw new SelectorException("key: Invalid value: " + GoFormat.quote(key) + ": " + String.join("; ", keyErrors));
      }
      Token next = lookahead(true).token;
      if (next == Token.END || next == Token.COMMA) {
        return new Requirement(key, operator == null ? Operator.EXISTS : operator, List.of());
      }
      if (operator == Operator.DOES_NOT_EXIST) {
        // "!key=value": the real parser returns the requirement and fails on the next token, unwrapped
        return new Requirement(key, operator, List.of());
      }
      Item operatorItem = consume(false);
      operator = switch (operatorItem.token) {
        case IN -> Operator.IN;
        case EQUALS -> Operator.EQUALS;
        case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
        case GREATER_THAN -> Operator.GREATER_THAN;
        case LESS_THAN -> Operator.LESS_THAN;
        case NOT_IN -> Operator.NOT_IN;
        case NOT_EQUALS -> Operator.NOT_EQUALS;
        default -> throw new SelectorException(
            "found '" + operatorItem.literal + "', expected: in, notin, =, ==, !=, gt, lt");
      };
      List<String> values = operator == Operator.IN || operator == Operator.NOT_IN ? parseValues() : parseExactValue();
      if (operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN) {
        for (String value : values) {
          try {
            Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new SelectorException("values[0]: Invalid value: " + GoFormat.quote(value)
                + ": for 'Gt', 'Lt' operators, the value must be an integer");
          }
        }
      }
      for (int i = 0; i < values.size(); i++) {
        List<String> valueErrors = Names.labelValueErrors(values.get(i));
        if (!valueErrors.isEmpty()) {
          throw new SelectorException("values[" + i + "][" + key + "]: Invalid value: " + GoFormat.quote(values.get(i))
              + ": " + String.join("; ", valueErrors));
        }
      }
      return new Requirement(key, operator, values);
    }

    private List<String> parseValues() {
      Item item = consume(true);
      if (item.token != Token.OPEN_PAR) {
        throw new SelectorException("found '" + item.literal + "' expected: '('");
      }
      Item next = lookahead(true);
      switch (next.token) {
        case IDENTIFIER, COMMA -> {
          TreeSet<String> values = parseIdentifiers();
          if (consume(true).token != Token.CLOSED_PAR) {
            throw new SelectorException("found '" + next.literal + "', expected: ')'");
          }
          return List.copyOf(values);
        }
        case CLOSED_PAR -> {
          consume(true);
          return List.of("");
        }
        default -> throw new SelectorException("found '" + next.literal + "', expected: ',', ')' or identifier");
      }
    }

    private TreeSet<String> parseIdentifiers() {
      TreeSet<String> values = new TreeSet<>();
      while (true) {
        Item item = consume(true);
        switch (item.token) {
          case IDENTIFIER -> {
            values.add(item.literal);
            Item next = lookahead(true);
            if (next.token == Token.COMMA) {
              continue;
            }
            if (next.token == Token.CLOSED_PAR) {
              return values;
            }
            throw new SelectorException("found '" + next.literal + "', expected: ',' or ')'");
          }
          case COMMA -> {
            if (values.isEmpty()) {
              values.add("");
            }
            Token next = lookahead(true).token;
            if (next == Token.CLOSED_PAR) {
              values.add("");
              return values;
            }
            if (next == Token.COMMA) {
              values.add("");
            }
          }
          default -> throw new SelectorException("found '" + item.literal + "', expected: ',', or identifier");
        }
      }
    }

    private List<String> parseExactValue() {
      Token next = lookahead(true).token;
      if (next == Token.END || next == Token.COMMA) {
        return List.of("");
      }
      Item item = consume(true);
      if (item.token == Token.IDENTIFIER) {
        return List.of(item.literal);
      }
      throw new SelectorException("found '" + item.literal + "', expected: identifier");
    }
  }
}
