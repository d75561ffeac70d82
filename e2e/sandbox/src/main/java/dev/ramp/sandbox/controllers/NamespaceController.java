package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.DeleteOptions;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.store.StoreEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Namespace deletion (O5): a Terminating namespace has its content deleted; once nothing is left, its
 * {@code kubernetes} finalizer is removed and the namespace goes.
 */
final class NamespaceController implements Controller {
  private final Resources resources;
  private final Set<String> terminating = ConcurrentHashMap.newKeySet();

  NamespaceController(Resources resources) {
    this.resources = resources;
  }

  @Override
  public String name() {
    return "namespace-controller";
  }

  @Override
  public void observe(StoreEvent event, WorkQueue queue) {
    if (event.collection().equals(Resources.NAMESPACES)) {
      String name = Writes.name(event.object());
      if (event.type() == StoreEvent.Type.DELETED) {
        terminating.remove(name);
      } else if (Writes.deleting(event.object())) {
        terminating.add(name);
        queue.add(name);
      }
      return;
    }
    String namespace = Writes.namespace(event.object());
    if (!namespace.isEmpty() && terminating.contains(namespace)) {
      queue.add(namespace);
    }
  }

  @Override
  public void sync(String namespace, WorkQueue queue) {
    ResourceType namespaces = Writes.type(resources, Resources.NAMESPACES);
    var found = resources.store().get(Resources.NAMESPACES, "", namespace);
    if (found.isEmpty() || !Writes.deleting(found.get())) {
      return;
    }
    boolean remaining = false;
    for (Map.Entry<String, ResourceType> entry : resources.registry().collections().entrySet()) {
      ResourceType type = entry.getValue();
      if (!type.namespaced()) {
        continue;
      }
      for (ObjectNode object : resources.store().all(entry.getKey(), namespace)) {
        remaining = true;
        if (!Writes.deleting(object)) {
          Writes.delete(resources, type, namespace, Writes.name(object), DeleteOptions.background());
        }
      }
    }
    if (remaining) {
      for (String collection : resources.registry().collections().keySet()) {
        if (!resources.store().isEmpty(collection, namespace)
            && resources.registry().collections().get(collection).namespaced()) {
          return;
        }
      }
    }
    Writes.update(resources, namespaces, "", namespace, "finalize", object -> {
      if (Json.stringList(object.path("spec").get("finalizers")).isEmpty()) {
        return null;
      }
      Json.child(object, "spec").putArray("finalizers");
      return object;
    });
  }
}
