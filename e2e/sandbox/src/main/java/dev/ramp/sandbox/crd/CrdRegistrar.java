package dev.ramp.sandbox.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.TypeRegistry;
import dev.ramp.sandbox.store.Store;
import dev.ramp.sandbox.store.StoreEvent;
import dev.ramp.sandbox.store.StoreListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves what CRDs define the moment they are committed (inside the commit, so the response to the
 * CRD's create already finds its resources served), and stops serving when a CRD is gone.
 */
public final class CrdRegistrar implements StoreListener {
  public static final String CRDS = "apiextensions.k8s.io/customresourcedefinitions";
  private static final Logger LOG = Logger.getLogger(CrdRegistrar.class.getName());

  private final Store store;
  private final TypeRegistry registry;

  public CrdRegistrar(Store store, TypeRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Override
  public void onEvent(StoreEvent event) {
    if (!event.collection().equals(CRDS)) {
      return;
    }
    ObjectNode crd = event.object();
    String name = Json.text(crd, "metadata", "name");
    String collection = CrdTypes.collection(Json.text(crd, "spec", "names", "plural"), Json.text(crd, "spec", "group"));
    if (event.type() == StoreEvent.Type.DELETED) {
      registry.unregisterCrd(name);
      store.dropCollection(collection);
      return;
    }
    try {
      List<ResourceType> types = CrdTypes.of(crd);
      store.ensureCollection(collection);
      registry.registerCrd(name, types);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot serve CRD " + name, e);
    }
  }
}
