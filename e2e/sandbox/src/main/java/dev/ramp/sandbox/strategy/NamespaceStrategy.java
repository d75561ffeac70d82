package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;

/** Namespaces: the {@code kubernetes} finalizer, phase Active, and the {@code kubernetes.io/metadata.name} label. */
public final class NamespaceStrategy implements KindStrategy {
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  @Override
  public void prepareForCreate(ObjectNode namespace) {
    ObjectNode spec = Json.object();
    spec.putArray("finalizers").add("kubernetes");
    namespace.set("spec", spec);
    ObjectNode status = Json.object();
    status.put("phase", "Active");
    namespace.set("status", status);
    label(namespace);
  }

  @Override
  public void prepareForUpdate(ObjectNode namespace, ObjectNode old) {
    // spec.finalizers only change through /finalize
    JsonNode oldSpec = old.get("spec");
    if (oldSpec != null) {
      namespace.set("spec", oldSpec.deepCopy());
    }
    label(namespace);
  }

  private static void label(ObjectNode namespace) {
    ObjectNode metadata = Json.metadata(namespace);
    Json.child(metadata, "labels").put(NAME_LABEL, Json.text(metadata, "name"));
  }
}
