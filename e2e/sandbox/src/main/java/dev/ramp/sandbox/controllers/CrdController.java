package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.crd.CrdTypes;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.DeleteOptions;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.store.StoreEvent;
import java.util.List;

/** A deleted CRD takes its custom resources with it, then goes itself (its cleanup finalizer removed). */
final class CrdController implements Controller {
  static final String CRDS = "apiextensions.k8s.io/customresourcedefinitions";
  static final String CLEANUP = "customresourcecleanup.apiextensions.k8s.io";

  private final Resources resources;

  CrdController(Resources resources) {
    this.resources = resources;
  }

  @Override
  public String name() {
    return "crd-finalizer";
  }

  @Override
  public void observe(StoreEvent event, WorkQueue queue) {
    if (event.collection().equals(CRDS)) {
      if (event.type() != StoreEvent.Type.DELETED && Writes.deleting(event.object())) {
        queue.add(Writes.name(event.object()));
      }
    } else if (event.type() == StoreEvent.Type.DELETED && event.collection().startsWith("crd/")) {
      String crd = event.collection().substring("crd/".length());
      if (!resources.registry().crdTypes(crd).isEmpty()
          && resources.registry().isTerminating(resources.registry().crdTypes(crd).get(0))) {
        queue.add(crd);
      }
    }
  }

  @Override
  public void sync(String name, WorkQueue queue) {
    ResourceType crds = Writes.type(resources, CRDS);
    var found = resources.store().get(CRDS, "", name);
    if (found.isEmpty() || !Writes.deleting(found.get())) {
      return;
    }
    resources.registry().markTerminating(name);
    List<ResourceType> types = resources.registry().crdTypes(name);
    if (!types.isEmpty()) {
      ResourceType type = types.get(0);
      String collection = CrdTypes.collection(type.plural(), type.group());
      boolean remaining = false;
      for (ObjectNode object : resources.store().all(collection, "")) {
        remaining = true;
        if (!Writes.deleting(object)) {
          Writes.delete(resources, type, Writes.namespace(object), Writes.name(object), DeleteOptions.background());
        }
      }
      if (remaining && !resources.store().isEmpty(collection, "")) {
        return;
      }
    }
    Writes.removeFinalizer(resources, crds, "", name, CLEANUP);
  }
}
