package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.DeleteOptions;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.store.ObjectRef;
import dev.ramp.sandbox.store.StoreEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The garbage collector: dependents whose owners are all gone are deleted (O1, O4), dangling owner
 * references next to live ones are dropped, foreground deletion deletes dependents before the owner
 * (O2), orphan deletion strips the owner reference from them (O3).
 */
final class GarbageCollector implements Controller {
  static final String ORPHAN = "orphan";
  static final String FOREGROUND = "foregroundDeletion";

  private final Resources resources;

  GarbageCollector(Resources resources) {
    this.resources = resources;
  }

  @Override
  public String name() {
    return "garbage-collector";
  }

  @Override
  public void observe(StoreEvent event, WorkQueue queue) {
    ObjectNode object = event.object();
    String uid = Writes.uid(object);
    switch (event.type()) {
      case DELETED -> {
        for (ObjectRef dependent : resources.store().dependentsOf(uid)) {
          queue.add(dependentKey(dependent));
        }
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
          queue.add("owner|" + Json.text(owner, "uid"));
        }
      }
      case ADDED, MODIFIED -> {
        JsonNode owners = object.path("metadata").path("ownerReferences");
        boolean ownersChanged = event.previous() == null
            || !owners.equals(event.previous().path("metadata").path("ownerReferences"));
        if (owners.size() > 0 && ownersChanged) {
          queue.add(dependentKey(new ObjectRef(event.collection(), Writes.namespace(object), Writes.name(object))));
        }
        if (Writes.deleting(object)) {
          List<String> finalizers = Json.stringList(object.path("metadata").get("finalizers"));
          if (finalizers.contains(ORPHAN) || finalizers.contains(FOREGROUND)) {
            queue.add("owner|" + uid);
          }
        }
      }
    }
  }

  private static String dependentKey(ObjectRef ref) {
    return "dep|" + ref.collection() + "|" + ref.namespace() + "|" + ref.name();
  }

  @Override
  public void sync(String key, WorkQueue queue) {
    if (key.startsWith("owner|")) {
      syncOwner(key.substring("owner|".length()));
    } else {
      String[] parts = key.split("\\|", 4);
      syncDependent(new ObjectRef(parts[1], parts[2], parts[3]));
    }
  }

  private void syncDependent(ObjectRef ref) {
    Optional<ResourceType> type = resources.registry().forCollection(ref.collection());
    if (type.isEmpty()) {
      return;
    }
    Optional<ObjectNode> found = resources.store().get(ref.collection(), ref.namespace(), ref.name());
    if (found.isEmpty() || Writes.deleting(found.get())) {
      return;
    }
    ObjectNode dependent = found.get();
    List<String> dangling = new ArrayList<>();
    int owners = 0;
    for (JsonNode owner : dependent.path("metadata").path("ownerReferences")) {
      owners++;
      String ownerUid = Json.text(owner, "uid");
      if (resources.store().byUid(ownerUid).isEmpty()) {
        dangling.add(ownerUid);
      }
    }
    if (dangling.isEmpty()) {
      return;
    }
    if (dangling.size() == owners) {
      Writes.delete(resources, type.get(), ref.namespace(), ref.name(), DeleteOptions.background());
      return;
    }
    removeOwnerReferences(type.get(), ref, Set.copyOf(dangling));
  }

  private void removeOwnerReferences(ResourceType type, ObjectRef ref, Set<String> uids) {
    Writes.update(resources, type, ref.namespace(), ref.name(), "", object -> {
      ObjectNode metadata = Json.metadata(object);
      ArrayNode kept = Json.array();
      boolean changed = false;
      for (JsonNode owner : metadata.path("ownerReferences")) {
        if (uids.contains(Json.text(owner, "uid"))) {
          changed = true;
        } else {
          kept.add(owner);
        }
      }
      if (!changed) {
        return null;
      }
      if (kept.isEmpty()) {
        metadata.remove("ownerReferences");
      } else {
        metadata.set("ownerReferences", kept);
      }
      return object;
    });
  }

  private void syncOwner(String uid) {
    Optional<ObjectRef> ref = resources.store().byUid(uid);
    if (ref.isEmpty()) {
      return;
    }
    Optional<ResourceType> type = resources.registry().forCollection(ref.get().collection());
    Optional<ObjectNode> found = resources.store().get(ref.get().collection(), ref.get().namespace(), ref.get().name());
    if (type.isEmpty() || found.isEmpty() || !Writes.deleting(found.get())) {
      return;
    }
    List<String> finalizers = Json.stringList(found.get().path("metadata").get("finalizers"));
    Set<ObjectRef> dependents = resources.store().dependentsOf(uid);
    if (finalizers.contains(ORPHAN)) {
      for (ObjectRef dependent : dependents) {
        resources.registry().forCollection(dependent.collection())
            .ifPresent(dependentType -> removeOwnerReferences(dependentType, dependent, Set.of(uid)));
      }
      Writes.removeFinalizer(resources, type.get(), ref.get().namespace(), ref.get().name(), ORPHAN);
    } else if (finalizers.contains(FOREGROUND)) {
      boolean remaining = false;
      for (ObjectRef dependent : dependents) {
        remaining = true;
        Optional<ObjectNode> child = resources.store().get(dependent.collection(), dependent.namespace(), dependent.name());
        Optional<ResourceType> childType = resources.registry().forCollection(dependent.collection());
        if (child.isPresent() && childType.isPresent() && !Writes.deleting(child.get())) {
          Writes.delete(resources, childType.get(), dependent.namespace(), dependent.name(), DeleteOptions.background());
        }
      }
      if (!remaining || resources.store().dependentsOf(uid).isEmpty()) {
        Writes.removeFinalizer(resources, type.get(), ref.get().namespace(), ref.get().name(), FOREGROUND);
      }
    }
  }
}
