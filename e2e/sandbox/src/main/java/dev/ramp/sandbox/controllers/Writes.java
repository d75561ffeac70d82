package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.DeleteOptions;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.server.WriteOptions;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** How the controllers write: read, change a copy, write back with its resourceVersion, re-read on conflict. */
final class Writes {
  private Writes() {}

  static ResourceType type(Resources resources, String collection) {
    return resources.registry().forCollection(collection)
        .orElseThrow(() -> new IllegalStateException("no type for " + collection));
  }

  /** Applies {@code change} to the current object (null from {@code change} means nothing to do). */
  static Optional<ObjectNode> update(Resources resources, ResourceType type, String namespace, String name,
      String subresource, UnaryOperator<ObjectNode> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<ObjectNode> current = resources.find(type, namespace, name);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      ObjectNode changed = change.apply(current.get().deepCopy());
      if (changed == null) {
        return current;
      }
      try {
        return Optional.of(resources.update(type, namespace, name, subresource, changed, WriteOptions.DEFAULT).body());
      } catch (ApiException e) {
        if (e.code() == 404) {
          return Optional.empty();
        }
        if (e.code() != 409) {
          throw e;
        }
      }
    }
    throw ApiException.conflict(type.target(), name);
  }

  /** Removes one finalizer from an object; the object goes when it was the last one and it is being deleted. */
  static void removeFinalizer(Resources resources, ResourceType type, String namespace, String name, String finalizer) {
    update(resources, type, namespace, name, "", object -> {
      ObjectNode metadata = Json.metadata(object);
      java.util.List<String> finalizers = Json.stringList(metadata.get("finalizers"));
      if (!finalizers.remove(finalizer)) {
        return null;
      }
      if (finalizers.isEmpty()) {
        metadata.remove("finalizers");
      } else {
        com.fasterxml.jackson.databind.node.ArrayNode list = metadata.putArray("finalizers");
        finalizers.forEach(list::add);
      }
      return object;
    });
  }

  static void delete(Resources resources, ResourceType type, String namespace, String name, DeleteOptions options) {
    try {
      resources.delete(type, namespace, name, options);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  /** The ownerReference with controller=true, if any. */
  static Optional<JsonNode> controllerOf(JsonNode object) {
    for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        return Optional.of(owner);
      }
    }
    return Optional.empty();
  }

  static String uid(JsonNode object) {
    return Json.text(object, "metadata", "uid");
  }

  static String name(JsonNode object) {
    return Json.text(object, "metadata", "name");
  }

  static String namespace(JsonNode object) {
    return Json.text(object, "metadata", "namespace");
  }

  static boolean deleting(JsonNode object) {
    return Json.has(object, "metadata", "deletionTimestamp");
  }

  static String key(String namespace, String name) {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  static String[] split(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? new String[] {"", key} : new String[] {key.substring(0, slash), key.substring(slash + 1)};
  }
}
