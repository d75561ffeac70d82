package dev.ramp.sandbox.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strategic merge patch for built-in kinds, as {@code kubectl apply} sends it: like a merge patch,
 * except that lists with a patch merge key (containers by name, ports by port, conditions by type,
 * ...) are merged element by element, {@code metadata.finalizers} is a set, and the
 * {@code $patch}, {@code $retainKeys}, {@code $deleteFromPrimitiveList/} and
 * {@code $setElementOrder/} directives are honoured. Known keys come from the core API's struct tags.
 */
public final class StrategicMerge {
  private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");
  private static final Set<String> PRIMITIVE_MERGE_LISTS = Set.of("finalizers");

  private StrategicMerge() {}

  public static ObjectNode apply(ObjectNode original, JsonNode patch) {
    if (!patch.isObject()) {
      throw ApiException.badRequest("strategic merge patch must be a JSON object");
    }
    JsonNode merged = mergeMap(original.deepCopy(), (ObjectNode) patch, "");
    if (!(merged instanceof ObjectNode object)) {
      throw ApiException.patchNotApplicable("the patch deletes the whole object");
    }
    return object;
  }

  static Optional<String> mergeKey(String field, String enclosingList) {
    return Optional.ofNullable(switch (field) {
      case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets", "secrets",
          "resourceClaims", "schedulingGates" -> "name";
      case "volumeMounts" -> "mountPath";
      case "volumeDevices" -> "devicePath";
      case "ports" -> CONTAINER_LISTS.contains(enclosingList) ? "containerPort" : "port";
      case "conditions" -> "type";
      case "ownerReferences" -> "uid";
      case "hostAliases" -> "ip";
      case "topologySpreadConstraints" -> "topologyKey";
      case "readinessGates" -> "conditionType";
      default -> null;
    });
  }

  /** Merges {@code patch} into {@code original} (owned, mutated); null means "delete this map". */
  private static JsonNode mergeMap(ObjectNode original, ObjectNode patch, String enclosingList) {
    JsonNode directive = patch.get("$patch");
    if (directive != null) {
      String value = directive.asText();
      if (value.equals("delete")) {
        return null;
      }
      if (value.equals("replace")) {
        ObjectNode replacement = patch.deepCopy();
        replacement.remove("$patch");
        return stripDirectives(replacement);
      }
      throw ApiException.badRequest("Unknown patch type: " + value + " in map: " + patch);
    }
    JsonNode retainKeys = patch.get("$retainKeys");
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String field = entry.getKey();
      JsonNode value = entry.getValue();
      if (field.equals("$retainKeys") || field.startsWith("$setElementOrder/")) {
        continue;
      }
      if (field.startsWith("$deleteFromPrimitiveList/")) {
        String target = field.substring("$deleteFromPrimitiveList/".length());
        JsonNode existing = original.get(target);
        if (existing instanceof ArrayNode list && value.isArray()) {
          ArrayNode kept = Json.array();
          for (JsonNode element : list) {
            boolean removed = false;
            for (JsonNode drop : value) {
              removed |= drop.equals(element);
            }
            if (!removed) {
              kept.add(element);
            }
          }
          original.set(target, kept);
        }
        continue;
      }
      if (value.isNull()) {
        original.remove(field);
        continue;
      }
      JsonNode existing = original.get(field);
      if (value.isObject()) {
        if (existing instanceof ObjectNode existingObject) {
          JsonNode merged = mergeMap(existingObject, (ObjectNode) value, enclosingList);
          if (merged == null) {
            original.remove(field);
          } else {
            original.set(field, merged);
          }
        } else {
          JsonNode fresh = mergeMap(Json.object(), (ObjectNode) value, enclosingList);
          if (fresh != null) {
            original.set(field, fresh);
          }
        }
      } else if (value.isArray()) {
        original.set(field, mergeList(field, existing, (ArrayNode) value, enclosingList));
      } else {
        original.set(field, value.deepCopy());
      }
    }
    if (retainKeys != null && retainKeys.isArray()) {
      List<String> keep = Json.stringList(retainKeys);
      List<String> names = new ArrayList<>();
      original.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!keep.contains(name)) {
          original.remove(name);
        }
      }
    }
    return original;
  }

  private static JsonNode mergeList(String field, JsonNode existing, ArrayNode patch, String enclosingList) {
    Optional<String> key = mergeKey(field, enclosingList);
    boolean objects = patch.isEmpty() || patch.get(0).isObject();
    if (key.isPresent() && objects) {
      for (JsonNode element : patch) {
        if (element.isObject() && "replace".equals(Json.text(element, "$patch"))) {
          ArrayNode replacement = Json.array();
          for (JsonNode other : patch) {
            if (!other.has("$patch")) {
              replacement.add(stripDirectives(other.deepCopy()));
            }
          }
          return replacement;
        }
      }
      ArrayNode result = existing instanceof ArrayNode list ? list.deepCopy() : Json.array();
      for (JsonNode element : patch) {
        if (!element.isObject()) {
          continue;
        }
        JsonNode keyValue = element.get(key.get());
        int index = indexOf(result, key.get(), keyValue);
        if ("delete".equals(Json.text(element, "$patch"))) {
          if (index >= 0) {
            result.remove(index);
          }
          continue;
        }
        if (index >= 0 && result.get(index) instanceof ObjectNode current) {
          JsonNode merged = mergeMap(current, (ObjectNode) element, field);
          if (merged == null) {
            result.remove(index);
          } else {
            result.set(index, merged);
          }
        } else {
          JsonNode fresh = mergeMap(Json.object(), (ObjectNode) element, field);
          if (fresh != null) {
            result.add(fresh);
          }
        }
      }
      return result;
    }
    if (PRIMITIVE_MERGE_LISTS.contains(field) && existing instanceof ArrayNode list) {
      ArrayNode result = list.deepCopy();
      for (JsonNode element : patch) {
        boolean present = false;
        for (JsonNode current : result) {
          present |= current.equals(element);
        }
        if (!present) {
          result.add(element.deepCopy());
        }
      }
      return result;
    }
    ArrayNode replacement = Json.array();
    for (JsonNode element : patch) {
      replacement.add(element.isObject() ? stripDirectives(element.deepCopy()) : element.deepCopy());
    }
    return replacement;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode candidate = list.get(i).get(key);
      if (candidate != null && value != null && candidate.asText().equals(value.asText())) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode stripDirectives(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (name.startsWith("$")) {
          object.remove(name);
        } else {
          stripDirectives(object.get(name));
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(StrategicMerge::stripDirectives);
    }
    return node;
  }
}
