package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.common.values.NullValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * How a schema node looks to CEL (apiextensions' SchemaDeclType): objects with properties are
 * structs whose fields are the escaped property names, maps and lists are typed by their values,
 * {@code date-time} strings are timestamps, int-or-string is {@code dyn}. Converts JSON values into
 * what CEL-Java evaluates.
 */
final class CelShape {

  enum Kind { OBJECT, MAP, LIST, INT, DOUBLE, STRING, BOOL, DYN, TIMESTAMP, DURATION, BYTES }

  /** A struct field: the property name in JSON and its shape. */
  record Field(String property, CelShape shape) {}

  private static final Set<String> CEL_RESERVED = Set.of(
      "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function",
      "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while");
  private static final java.util.regex.Pattern ESCAPED_PARTS =
      java.util.regex.Pattern.compile("(__|[-./]|[^a-zA-Z0-9-./_])");

  final Kind kind;
  final CelType type;
  final Map<String, Field> fields;
  final CelShape element;
  final boolean resourceRoot;

  private CelShape(Kind kind, CelType type, Map<String, Field> fields, CelShape element, boolean resourceRoot) {
    this.kind = kind;
    this.type = type;
    this.fields = fields;
    this.element = element;
    this.resourceRoot = resourceRoot;
  }

  /** All struct types of one schema, so the checker can find them by name. */
  static final class Types implements CelTypeProvider {
    private final Map<String, CelType> byName = new LinkedHashMap<>();

    void add(StructType t) {
      byName.put(t.name(), t);
    }

    @Override
    public ImmutableCollection<CelType> types() {
      return ImmutableList.copyOf(byName.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
      return Optional.ofNullable(byName.get(typeName));
    }
  }

  /**
   * The shape of a node, or empty when CEL cannot see it (no type, or a list/map of such); a field
   * with no shape is left out of its struct.
   */
  static Optional<CelShape> of(SchemaNode s, boolean resourceRoot, String typeName, Types types) {
    return Optional.ofNullable(shape(s, resourceRoot, typeName, types));
  }

  private static CelShape shape(SchemaNode s, boolean resourceRoot, String typeName, Types types) {
    if (s.intOrString) {
      return new CelShape(Kind.DYN, SimpleType.DYN, Map.of(), null, false);
    }
    switch (s.type) {
      case "array": {
        if (s.items == null) {
          return null;
        }
        CelShape items = shape(s.items, s.items.embeddedResource, typeName + ".@idx", types);
        return items == null ? null : new CelShape(Kind.LIST, ListType.create(items.type), Map.of(), items, false);
      }
      case "object": {
        if (s.additionalProperties != null) {
          SchemaNode ap = s.additionalProperties;
          CelShape values = shape(ap, ap.embeddedResource, typeName + ".@elem", types);
          return values == null
              ? null
              : new CelShape(Kind.MAP, MapType.create(SimpleType.STRING, values.type), Map.of(), values, false);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Map.Entry<String, SchemaNode> e : s.properties.entrySet()) {
          if (resourceRoot && e.getKey().equals("metadata")) {
            continue;
          }
          escape(e.getKey()).ifPresent(name -> {
            CelShape field = shape(e.getValue(), e.getValue().embeddedResource, typeName + "." + e.getKey(), types);
            if (field != null) {
              fields.put(name, new Field(e.getKey(), field));
            }
          });
        }
        if (resourceRoot) {
          CelShape string = new CelShape(Kind.STRING, SimpleType.STRING, Map.of(), null, false);
          fields.putIfAbsent("apiVersion", new Field("apiVersion", string));
          fields.putIfAbsent("kind", new Field("kind", string));
          Map<String, Field> meta = new LinkedHashMap<>();
          meta.put("name", new Field("name", string));
          meta.put("generateName", new Field("generateName", string));
          fields.put("metadata", new Field("metadata", struct(typeName + ".metadata", meta, false, types)));
        }
        return struct(typeName, fields, resourceRoot, types);
      }
      case "string":
        return switch (s.format) {
          case "byte" -> new CelShape(Kind.BYTES, SimpleType.BYTES, Map.of(), null, false);
          case "duration" -> new CelShape(Kind.DURATION, SimpleType.DURATION, Map.of(), null, false);
          case "date", "date-time" -> new CelShape(Kind.TIMESTAMP, SimpleType.TIMESTAMP, Map.of(), null, false);
          default -> new CelShape(Kind.STRING, SimpleType.STRING, Map.of(), null, false);
        };
      case "boolean":
        return new CelShape(Kind.BOOL, SimpleType.BOOL, Map.of(), null, false);
      case "number":
        return new CelShape(Kind.DOUBLE, SimpleType.DOUBLE, Map.of(), null, false);
      case "integer":
        return new CelShape(Kind.INT, SimpleType.INT, Map.of(), null, false);
      default:
        return null;
    }
  }

  private static CelShape struct(String name, Map<String, Field> fields, boolean resourceRoot, Types types) {
    Map<String, Field> frozen = Map.copyOf(fields);
    Map<String, CelType> fieldTypes = new HashMap<>();
    frozen.forEach((k, f) -> fieldTypes.put(k, f.shape().type));
    StructType t = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
        field -> Optional.ofNullable(fieldTypes.get(field)));
    types.add(t);
    return new CelShape(Kind.OBJECT, t, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)),
        null, resourceRoot);
  }

  /**
   * A property name as CEL sees it (apiserver's cel.Escape): reserved words become
   * {@code __name__}, {@code __ . - /} become {@code __underscores__ __dot__ __dash__ __slash__};
   * names with other characters cannot be reached.
   */
  static Optional<String> escape(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return Optional.empty();
    }
    if (CEL_RESERVED.contains(name)) {
      return Optional.of("__" + name + "__");
    }
    StringBuilder out = new StringBuilder();
    Matcher m = ESCAPED_PARTS.matcher(name);
    int last = 0;
    while (m.find()) {
      out.append(name, last, m.start());
      switch (m.group()) {
        case "__" -> out.append("__underscores__");
        case "." -> out.append("__dot__");
        case "-" -> out.append("__dash__");
        case "/" -> out.append("__slash__");
        default -> {
          return Optional.empty();
        }
      }
      last = m.end();
    }
    return Optional.of(out.append(name, last, name.length()).toString());
  }

  /** Converts a JSON value; containers already converted in this run are reused. */
  Object toCel(JsonNode v, IdentityHashMap<JsonNode, Object> seen) {
    if (JsonValues.isNull(v)) {
      return NullValue.NULL_VALUE;
    }
    if (v.isContainerNode()) {
      Object cached = seen.get(v);
      if (cached != null) {
        return cached;
      }
      Object converted = convertContainer(v, seen);
      seen.put(v, converted);
      return converted;
    }
    return switch (kind) {
      case INT -> JsonValues.isInt64(v) ? (Object) v.longValue()
          : (v.isNumber() && JsonValues.isIntegral(v.doubleValue()) ? (Object) v.longValue() : scalar(v));
      case DOUBLE -> v.isNumber() ? (Object) v.doubleValue() : scalar(v);
      case TIMESTAMP -> v.isTextual() ? timestamp(v.textValue()) : scalar(v);
      case DURATION -> v.isTextual() ? duration(v.textValue()) : scalar(v);
      case BYTES -> v.isTextual() ? bytes(v.textValue()) : scalar(v);
      default -> scalar(v);
    };
  }

  private Object convertContainer(JsonNode v, IdentityHashMap<JsonNode, Object> seen) {
    switch (kind) {
      case OBJECT -> {
        if (!v.isObject()) {
          return dyn(v);
        }
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<String, Field> f : fields.entrySet()) {
          JsonNode fv = v.get(f.getValue().property());
          if (fv != null) {
            out.put(f.getKey(), f.getValue().shape().toCel(fv, seen));
          }
        }
        return out;
      }
      case MAP -> {
        if (!v.isObject()) {
          return dyn(v);
        }
        Map<String, Object> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.put(e.getKey(), element.toCel(e.getValue(), seen));
        }
        return out;
      }
      case LIST -> {
        if (!v.isArray()) {
          return dyn(v);
        }
        List<Object> out = new ArrayList<>(v.size());
        v.forEach(item -> out.add(element.toCel(item, seen)));
        return out;
      }
      default -> {
        return dyn(v);
      }
    }
  }

  private static Object scalar(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (JsonValues.isInt64(v)) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    return v.asText();
  }

  private static Object dyn(JsonNode v) {
    if (JsonValues.isNull(v)) {
      return NullValue.NULL_VALUE;
    }
    if (v.isObject()) {
      Map<String, Object> out = new HashMap<>();
      v.fields().forEachRemaining(e -> out.put(e.getKey(), dyn(e.getValue())));
      return out;
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>(v.size());
      v.forEach(item -> out.add(dyn(item)));
      return out;
    }
    return scalar(v);
  }

  private static Object timestamp(String s) {
    OffsetDateTime t = Formats.parseDateTime(s.length() == 10 ? s + "T00:00:00Z" : s);
    if (t == null) {
      return s;
    }
    return Timestamp.newBuilder().setSeconds(t.toEpochSecond()).setNanos(t.getNano()).build();
  }

  private static Object duration(String s) {
    Long nanos = Formats.parseDurationNanos(s);
    if (nanos == null) {
      return s;
    }
    return Duration.newBuilder().setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)).build();
  }

  private static Object bytes(String s) {
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(s));
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
