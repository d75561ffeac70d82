package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What kube-apiserver does to a custom resource before validating it, in its order: drop nulls the
 * schema neither allows nor defaults, fill in defaults, drop unknown fields.
 */
final class Pruning {

  private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private Pruning() {}

  /** Prunes and defaults {@code object} in place; returns the pruned field paths. */
  static List<String> pruneAndDefault(JsonNode object, SchemaNode root) {
    dropNonNullableNulls(object, root);
    applyDefaults(object, root);
    List<String> pruned = new ArrayList<>();
    prune(object, root, "", true, pruned);
    return pruned;
  }

  /** A copy of {@code value} with the defaults nested in it applied (what a default becomes). */
  static JsonNode withNestedDefaults(JsonNode value, SchemaNode schema) {
    JsonNode copy = value.deepCopy();
    dropNonNullableNulls(copy, schema);
    applyDefaults(copy, schema);
    return copy;
  }

  /** Unknown-field pruning alone (used to check that defaults are pruned). */
  static List<String> prune(JsonNode value, SchemaNode schema) {
    List<String> pruned = new ArrayList<>();
    prune(value, schema, "", false, pruned);
    return pruned;
  }

  private static SchemaNode fieldSchema(SchemaNode s, String field) {
    if (s == null) {
      return null;
    }
    SchemaNode p = s.properties.get(field);
    return p != null ? p : s.additionalProperties;
  }

  private static void dropNonNullableNulls(JsonNode x, SchemaNode s) {
    if (x instanceof ObjectNode obj) {
      for (String k : List.copyOf(fieldNames(obj))) {
        SchemaNode sub = fieldSchema(s, k);
        JsonNode v = obj.get(k);
        if (v.isNull() && sub != null && !sub.nullable && sub.defaultValue == null) {
          obj.remove(k);
        } else {
          dropNonNullableNulls(v, sub);
        }
      }
    } else if (x instanceof ArrayNode arr) {
      SchemaNode items = s == null ? null : s.items;
      arr.forEach(item -> dropNonNullableNulls(item, items));
    }
  }

  private static boolean isNonNullableNull(JsonNode x, SchemaNode s) {
    return x.isNull() && s != null && !s.nullable;
  }

  private static void applyDefaults(JsonNode x, SchemaNode s) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode obj) {
      for (Map.Entry<String, SchemaNode> e : s.properties.entrySet()) {
        SchemaNode prop = e.getValue();
        if (prop.defaultValue == null) {
          continue;
        }
        JsonNode v = obj.get(e.getKey());
        if (v == null || isNonNullableNull(v, prop)) {
          obj.set(e.getKey(), prop.defaultValue.deepCopy());
        }
      }
      for (String k : List.copyOf(fieldNames(obj))) {
        SchemaNode prop = s.properties.get(k);
        if (prop != null) {
          applyDefaults(obj.get(k), prop);
        } else if (s.additionalProperties != null) {
          SchemaNode ap = s.additionalProperties;
          if (isNonNullableNull(obj.get(k), ap) && ap.defaultValue != null) {
            obj.set(k, ap.defaultValue.deepCopy());
          }
          applyDefaults(obj.get(k), ap);
        }
      }
    } else if (x instanceof ArrayNode arr && s.items != null) {
      for (int i = 0; i < arr.size(); i++) {
        if (isNonNullableNull(arr.get(i), s.items) && s.items.defaultValue != null) {
          arr.set(i, s.items.defaultValue.deepCopy());
        }
        applyDefaults(arr.get(i), s.items);
      }
    }
  }

  // resourceRoot: the custom resource itself, whose apiVersion, kind and metadata are never pruned.
  private static void prune(JsonNode x, SchemaNode s, String path, boolean resourceRoot, List<String> out) {
    if (s != null && s.preserveUnknownFields) {
      pruneKnownOnly(x, s, path, resourceRoot, out);
      return;
    }
    if (x instanceof ObjectNode obj) {
      boolean keepMeta = resourceRoot || (s != null && s.embeddedResource);
      for (String k : List.copyOf(fieldNames(obj))) {
        if (keepMeta && META_FIELDS.contains(k)) {
          continue;
        }
        SchemaNode prop = s == null ? null : s.properties.get(k);
        if (prop != null) {
          prune(obj.get(k), prop, child(path, k), false, out);
        } else if (s != null && (s.additionalProperties != null || s.additionalPropertiesWithoutSchema)) {
          prune(obj.get(k), s.additionalProperties, child(path, k), false, out);
        } else {
          out.add(child(path, k));
          obj.remove(k);
        }
      }
    } else if (x instanceof ArrayNode arr) {
      SchemaNode items = s == null ? null : s.items;
      for (int i = 0; i < arr.size(); i++) {
        prune(arr.get(i), items, path + "[" + i + "]", false, out);
      }
    }
  }

  private static void pruneKnownOnly(
      JsonNode x, SchemaNode s, String path, boolean resourceRoot, List<String> out) {
    if (x instanceof ObjectNode obj) {
      boolean keepMeta = resourceRoot || s.embeddedResource;
      for (String k : List.copyOf(fieldNames(obj))) {
        if (keepMeta && META_FIELDS.contains(k)) {
          continue;
        }
        SchemaNode prop = s.properties.get(k);
        if (prop != null) {
          prune(obj.get(k), prop, child(path, k), false, out);
        } else if (s.additionalProperties != null) {
          prune(obj.get(k), s.additionalProperties, child(path, k), false, out);
        }
      }
    } else if (x instanceof ArrayNode arr && s.items != null) {
      for (int i = 0; i < arr.size(); i++) {
        prune(arr.get(i), s.items, path + "[" + i + "]", false, out);
      }
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static List<String> fieldNames(ObjectNode obj) {
    List<String> names = new ArrayList<>(obj.size());
    obj.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
