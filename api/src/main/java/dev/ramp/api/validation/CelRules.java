package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled {@code x-kubernetes-validations} of a schema, arranged like the schema (only where
 * rules are), and their evaluation with apiextensions' semantics and wording: a rule sees
 * {@code self} (and {@code oldSelf} on updates), null values are not validated, a rule that uses
 * {@code oldSelf} runs only when there is a correlated old value, unless {@code optionalOldSelf}.
 */
final class CelRules {

  private record Compiled(
      SchemaNode.RuleSpec spec,
      CelRuntime.Program program,
      CelRuntime.Program message,
      boolean usesOldSelf,
      String fieldPath) {}

  private static final Pattern EVALUATION_PREFIX = Pattern.compile("^evaluation error at [^:]*:\\d+: ");
  private static final Pattern MISSING_KEY = Pattern.compile("key '(.*)' is not present in map\\.?");
  private static final Pattern INDEX = Pattern.compile("(-?\\d+)");
  private static final int MAX_MESSAGE_LENGTH = 5 * 1024;

  private final SchemaNode node;
  private final CelShape shape;
  private final List<Compiled> rules;
  private final List<CelRules> allOf;
  private final Map<String, CelRules> properties;
  private final CelRules items;
  private final CelRules additionalProperties;

  private CelRules(SchemaNode node, CelShape shape, List<Compiled> rules, List<CelRules> allOf,
      Map<String, CelRules> properties, CelRules items, CelRules additionalProperties) {
    this.node = node;
    this.shape = shape;
    this.rules = rules;
    this.allOf = allOf;
    this.properties = properties;
    this.items = items;
    this.additionalProperties = additionalProperties;
  }

  /** Compiles every rule under {@code root}; empty when there are none. */
  static Optional<CelRules> compile(SchemaNode root, SchemaNode.Problems problems) {
    if (!hasRules(root)) {
      return Optional.empty();
    }
    CelShape.Types types = new CelShape.Types();
    CelShape shape = CelShape.of(root, true, "selfType", types).orElse(null);
    return Optional.ofNullable(build(root, root, shape, "selfType", types, problems));
  }

  private static boolean hasRules(SchemaNode s) {
    if (s == null) {
      return false;
    }
    if (!s.rules.isEmpty() || hasRules(s.items) || hasRules(s.additionalProperties)) {
      return true;
    }
    return s.properties.values().stream().anyMatch(CelRules::hasRules)
        || s.allOf.stream().anyMatch(CelRules::hasRules);
  }

  // validation: where the rules are written (the node itself or one of its allOf branches);
  // node: the structural node they apply to.
  private static CelRules build(SchemaNode validation, SchemaNode node, CelShape shape, String typeName,
      CelShape.Types types, SchemaNode.Problems problems) {
    if (!hasRules(validation)) {
      return null;
    }
    List<Compiled> compiled = compileRules(validation, node, shape, types, problems);

    CelRules itemRules = null;
    if (validation.items != null && node.items != null) {
      itemRules = build(validation.items, node.items, shape == null ? null : shape.element,
          typeName + ".@idx", types, problems);
    }
    Map<String, CelRules> propertyRules = new LinkedHashMap<>();
    for (Map.Entry<String, SchemaNode> e : validation.properties.entrySet()) {
      SchemaNode nodeProperty = node.properties.get(e.getKey());
      if (nodeProperty == null) {
        continue;
      }
      CelShape fieldShape;
      Optional<String> escaped = CelShape.escape(e.getKey());
      if (escaped.isPresent()) {
        CelShape.Field field = shape == null ? null : shape.fields.get(escaped.get());
        fieldShape = field == null ? null : field.shape();
      } else {
        fieldShape = CelShape.of(nodeProperty, nodeProperty.embeddedResource,
            typeName + "." + e.getKey(), types).orElse(null);
      }
      CelRules p = build(e.getValue(), nodeProperty, fieldShape, typeName + "." + e.getKey(), types, problems);
      if (p != null) {
        propertyRules.put(e.getKey(), p);
      }
    }
    CelRules apRules = null;
    if (validation.additionalProperties != null && node.additionalProperties != null) {
      apRules = build(validation.additionalProperties, node.additionalProperties,
          shape == null ? null : shape.element, typeName + ".@elem", types, problems);
    }
    List<CelRules> allOfRules = new ArrayList<>();
    for (SchemaNode branch : validation.allOf) {
      CelRules a = build(branch, node, shape, typeName, types, problems);
      if (a != null) {
        allOfRules.add(a);
      }
    }
    return new CelRules(node, shape, compiled, List.copyOf(allOfRules), propertyRules, itemRules, apRules);
  }

  private static List<Compiled> compileRules(SchemaNode validation, SchemaNode node, CelShape shape,
      CelShape.Types types, SchemaNode.Problems problems) {
    if (validation.rules.isEmpty()) {
      return List.of();
    }
    String at = validation.path + ".x-kubernetes-validations";
    if (shape == null) {
      problems.add(at, "Invalid value: rules need a schema type CEL can represent (type or"
          + " x-kubernetes-int-or-string)");
      return List.of();
    }
    Cel plain = null;
    Cel optional = null;
    List<Compiled> out = new ArrayList<>();
    for (SchemaNode.RuleSpec spec : validation.rules) {
      String where = at + "[" + spec.index() + "]";
      Cel env;
      if (spec.optionalOldSelf()) {
        optional = optional != null ? optional : CelEnvironment.forSelf(types, shape.type, true);
        env = optional;
      } else {
        plain = plain != null ? plain : CelEnvironment.forSelf(types, shape.type, false);
        env = plain;
      }
      CelAbstractSyntaxTree ast;
      try {
        ast = env.compile(spec.rule()).getAst();
      } catch (CelValidationException e) {
        problems.add(where + ".rule", "Invalid value: " + GoText.quote(spec.rule())
            + ": compilation failed: " + e.getMessage());
        continue;
      }
      if (!ast.getResultType().equals(SimpleType.BOOL)) {
        problems.add(where + ".rule", "Invalid value: " + GoText.quote(spec.rule())
            + ": cel expression must evaluate to a bool");
        continue;
      }
      boolean usesOldSelf = ast.getReferenceMap().values().stream().anyMatch(r -> r.name().equals("oldSelf"));
      if (spec.optionalOldSelf() && !usesOldSelf) {
        problems.add(where + ".optionalOldSelf",
            "Forbidden: may only be set when the rule is a transition rule (uses oldSelf)");
        continue;
      }
      CelAbstractSyntaxTree messageAst = null;
      if (!spec.messageExpression().isEmpty()) {
        try {
          messageAst = env.compile(spec.messageExpression()).getAst();
        } catch (CelValidationException e) {
          problems.add(where + ".messageExpression", "Invalid value: " + GoText.quote(spec.messageExpression())
              + ": messageExpression compilation failed: " + e.getMessage());
          continue;
        }
        if (!messageAst.getResultType().equals(SimpleType.STRING)) {
          problems.add(where + ".messageExpression", "Invalid value: " + GoText.quote(spec.messageExpression())
              + ": must evaluate to a string");
          continue;
        }
      }
      String fieldPath = "";
      if (!spec.fieldPath().isEmpty()) {
        try {
          fieldPath = normalizeFieldPath(spec.fieldPath(), node);
        } catch (IllegalArgumentException e) {
          problems.add(where + ".fieldPath", "Invalid value: " + GoText.quote(spec.fieldPath())
              + ": fieldPath must be a valid path: " + e.getMessage());
          continue;
        }
      }
      try {
        out.add(new Compiled(spec, env.createProgram(ast),
            messageAst == null ? null : env.createProgram(messageAst), usesOldSelf, fieldPath));
      } catch (CelEvaluationException e) {
        problems.add(where + ".rule", "Invalid value: " + GoText.quote(spec.rule())
            + ": program instantiation failed: " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /**
   * apiextensions' ValidFieldPath: {@code .a.b} and {@code ['a.b']} steps through properties (or map
   * keys), printed as a field path relative to the rule's node.
   */
  static String normalizeFieldPath(String jsonPath, SchemaNode schema) {
    StringBuilder out = new StringBuilder();
    SchemaNode s = schema;
    int i = 0;
    while (i < jsonPath.length()) {
      char c = jsonPath.charAt(i);
      String name;
      if (c == '.') {
        int end = i + 1;
        while (end < jsonPath.length() && ".[]".indexOf(jsonPath.charAt(end)) < 0) {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException("unexpected end of JSON path");
        }
        name = jsonPath.substring(i + 1, end);
        i = end;
      } else if (c == '[') {
        if (i + 1 >= jsonPath.length() || jsonPath.charAt(i + 1) != '\'') {
          throw new IllegalArgumentException("expected single quoted string but got "
              + jsonPath.substring(Math.min(i + 1, jsonPath.length())));
        }
        StringBuilder quoted = new StringBuilder();
        int j = i + 2;
        boolean closed = false;
        while (j < jsonPath.length()) {
          char q = jsonPath.charAt(j);
          if (q == '\\' && j + 1 < jsonPath.length()) {
            quoted.append(jsonPath.charAt(j + 1));
            j += 2;
            continue;
          }
          if (q == '\'') {
            closed = true;
            break;
          }
          quoted.append(q);
          j++;
        }
        if (!closed || j + 1 >= jsonPath.length() || jsonPath.charAt(j + 1) != ']') {
          throw new IllegalArgumentException("unexpected end of JSON path");
        }
        name = quoted.toString();
        i = j + 2;
      } else {
        throw new IllegalArgumentException("expected [ or . but got: " + jsonPath.substring(i));
      }
      if (!s.properties.isEmpty()) {
        SchemaNode next = s.properties.get(name);
        if (next == null) {
          throw new IllegalArgumentException("does not refer to a valid field");
        }
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
        s = next;
      } else if (s.additionalProperties != null) {
        out.append('[').append(name).append(']');
        s = s.additionalProperties;
      } else {
        throw new IllegalArgumentException("does not refer to a valid field");
      }
    }
    return out.toString();
  }

  /** Evaluates the rules at and under {@code path}, appending failures to {@code out}. */
  void validate(String path, JsonNode obj, JsonNode old, IdentityHashMap<JsonNode, Object> seen,
      List<FieldError> out) {
    if (JsonValues.isNull(obj)) {
      return;
    }
    JsonNode oldValue = JsonValues.isNull(old) ? null : old;
    if (!rules.isEmpty()) {
      evaluate(path, obj, oldValue, seen, out);
    }
    for (CelRules a : allOf) {
      a.validate(path, obj, oldValue, seen, out);
    }
    if (obj.isArray() && items != null) {
      Map<List<Object>, JsonNode> oldByKey = "map".equals(node.listType) && oldValue != null && oldValue.isArray()
          ? byListMapKey(oldValue)
          : Map.of();
      for (int i = 0; i < obj.size(); i++) {
        JsonNode item = obj.get(i);
        JsonNode oldItem = oldByKey.isEmpty() ? null : oldByKey.get(listMapKey(item));
        items.validate(path + "[" + i + "]", item, oldItem, seen, out);
      }
    }
    if (obj.isObject()) {
      JsonNode oldObject = oldValue != null && oldValue.isObject() ? oldValue : null;
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode oldField = oldObject == null ? null : oldObject.get(e.getKey());
        if (additionalProperties != null) {
          additionalProperties.validate(path + "[" + e.getKey() + "]", e.getValue(), oldField, seen, out);
        }
        CelRules p = properties.get(e.getKey());
        if (p != null) {
          p.validate(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), oldField, seen, out);
        }
      }
    }
  }

  private Map<List<Object>, JsonNode> byListMapKey(JsonNode oldList) {
    Map<List<Object>, JsonNode> out = new HashMap<>();
    oldList.forEach(item -> out.putIfAbsent(listMapKey(item), item));
    return out;
  }

  private List<Object> listMapKey(JsonNode item) {
    List<Object> key = new ArrayList<>();
    for (String k : node.listMapKeys) {
      key.add(item.isObject() && item.has(k) ? JsonValues.toGo(item.get(k)) : "\u0000unset");
    }
    return key;
  }

  private void evaluate(String path, JsonNode obj, JsonNode old, IdentityHashMap<JsonNode, Object> seen,
      List<FieldError> out) {
    Object self = shape.toCel(obj, seen);
    Object oldSelf = old == null ? null : shape.toCel(old, seen);
    for (Compiled rule : rules) {
      if (rule.usesOldSelf() && oldSelf == null && !rule.spec().optionalOldSelf()) {
        continue; // a transition rule needs something to transition from
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("self", self);
      if (rule.spec().optionalOldSelf()) {
        vars.put("oldSelf", Optional.ofNullable(oldSelf));
      } else if (oldSelf != null) {
        vars.put("oldSelf", oldSelf);
      }
      Object result;
      try {
        result = rule.program().eval(vars);
      } catch (CelEvaluationException e) {
        out.add(FieldErrors.invalid(path, node.type, evaluationError(e, rule.spec())));
        continue;
      } catch (RuntimeException e) {
        out.add(FieldErrors.invalid(path, node.type,
            String.valueOf(e.getMessage()) + " evaluating rule: " + ruleErrorString(rule.spec())));
        continue;
      }
      if (Boolean.TRUE.equals(result)) {
        continue;
      }
      String errorPath = rule.fieldPath().isEmpty()
          ? path
          : (path.isEmpty() ? rule.fieldPath() : path + "." + rule.fieldPath());
      String detail = message(rule, vars);
      out.add(switch (rule.spec().reason()) {
        case "FieldValueForbidden" -> FieldErrors.forbidden(errorPath, detail);
        case "FieldValueRequired" -> FieldErrors.required(errorPath, detail);
        case "FieldValueDuplicate" -> FieldErrors.duplicate(errorPath, node.type);
        default -> FieldErrors.invalid(errorPath, node.type, detail);
      });
    }
  }

  private static String message(Compiled rule, Map<String, Object> vars) {
    if (rule.message() != null) {
      try {
        Object m = rule.message().eval(vars);
        if (m instanceof String s) {
          String trimmed = s.strip();
          if (!trimmed.isEmpty() && !trimmed.contains("\n") && trimmed.length() <= MAX_MESSAGE_LENGTH) {
            return trimmed;
          }
        }
      } catch (CelEvaluationException | RuntimeException e) {
        // a failing messageExpression falls back to the static message, as the server does
      }
    }
    SchemaNode.RuleSpec spec = rule.spec();
    return spec.message().isEmpty() ? "failed rule: " + ruleErrorString(spec) : spec.message().strip();
  }

  private static String ruleErrorString(SchemaNode.RuleSpec spec) {
    return spec.message().isEmpty() ? spec.rule().strip() : spec.message().strip();
  }

  /** CEL-Java's runtime errors in cel-go's words, inside apiextensions' sentence. */
  private static String evaluationError(CelEvaluationException e, SchemaNode.RuleSpec spec) {
    String raw = e.getMessage() == null ? "" : EVALUATION_PREFIX.matcher(e.getMessage()).replaceFirst("");
    String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : raw;
    CelErrorCode code = e.getErrorCode();
    String text;
    switch (code) {
      case ATTRIBUTE_NOT_FOUND -> {
        Matcher m = MISSING_KEY.matcher(cause);
        text = "no such key: " + (m.find() ? m.group(1) : cause);
      }
      case INDEX_OUT_OF_BOUNDS -> {
        Matcher m = INDEX.matcher(cause);
        text = "index out of bounds: " + (m.find() ? m.group(1) : cause);
      }
      case DIVIDE_BY_ZERO -> text = "division by zero";
      case NUMERIC_OVERFLOW -> text = "integer overflow";
      case OVERLOAD_NOT_FOUND -> {
        return "'no such overload': call arguments did not match a supported operator, function or macro"
            + " signature for rule: " + ruleErrorString(spec);
      }
      case ITERATION_BUDGET_EXCEEDED -> {
        return "'operation cancelled: actual cost limit exceeded': no further validation rules will be run due"
            + " to call cost exceeds limit for rule: " + ruleErrorString(spec);
      }
      default -> text = cause.isEmpty() ? raw : cause;
    }
    return text + " evaluating rule: " + ruleErrorString(spec);
  }
}
