package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.server.WriteOptions;
import dev.ramp.sandbox.store.ObjectRef;
import dev.ramp.sandbox.store.StoreEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment controller stand-in: the pod template runs as ReplicaSet {@code <deployment>-<hash>}
 * labelled {@code pod-template-hash} (SC11), scaled to spec.replicas; older ReplicaSets are scaled
 * down as the new one's pods become available (Recreate: first), and the status follows the
 * ReplicaSets. No surge limits, no revision history cleanup, no rollback.
 */
final class DeploymentController implements Controller {
  static final String DEPLOYMENTS = "apps/deployments";
  static final String REPLICASETS = "apps/replicasets";
  static final String HASH_LABEL = "pod-template-hash";
  static final String REVISION = "deployment.kubernetes.io/revision";
  /** The alphabet rand.SafeEncodeString maps digits onto. */
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private final Resources resources;

  DeploymentController(Resources resources) {
    this.resources = resources;
  }

  @Override
  public String name() {
    return "deployment-controller";
  }

  @Override
  public void observe(StoreEvent event, WorkQueue queue) {
    if (event.collection().equals(DEPLOYMENTS)) {
      if (event.type() != StoreEvent.Type.DELETED) {
        queue.add(Writes.key(Writes.namespace(event.object()), Writes.name(event.object())));
      }
    } else if (event.collection().equals(REPLICASETS)) {
      Writes.controllerOf(event.object())
          .filter(owner -> Json.text(owner, "kind").equals("Deployment"))
          .ifPresent(owner -> queue.add(Writes.key(Writes.namespace(event.object()), Json.text(owner, "name"))));
    }
  }

  /** fnv-32a of the template, printed in decimal and mapped onto the safe alphabet, as the real controller names them. */
  static String templateHash(JsonNode template, long collisionCount) {
    byte[] bytes = Json.string(template).getBytes(StandardCharsets.UTF_8);
    int hash = 0x811c9dc5;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    if (collisionCount > 0) {
      for (byte b : Long.toString(collisionCount).getBytes(StandardCharsets.UTF_8)) {
        hash ^= b & 0xff;
        hash *= 0x01000193;
      }
    }
    String decimal = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder encoded = new StringBuilder();
    for (char c : decimal.toCharArray()) {
      encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
    }
    return encoded.toString();
  }

  @Override
  public void sync(String key, WorkQueue queue) {
    String[] parts = Writes.split(key);
    String namespace = parts[0];
    Optional<ObjectNode> found = resources.store().get(DEPLOYMENTS, namespace, parts[1]);
    if (found.isEmpty() || Writes.deleting(found.get())) {
      return;
    }
    ObjectNode deployment = found.get();
    ResourceType rsType = Writes.type(resources, REPLICASETS);
    JsonNode spec = deployment.path("spec");
    long replicas = spec.path("replicas").asLong(1);
    String hash = templateHash(spec.path("template"), deployment.path("status").path("collisionCount").asLong(0));
    String newName = Writes.name(deployment) + "-" + hash;
    List<ObjectNode> owned = ownedReplicaSets(deployment);
    ObjectNode newRs = owned.stream().filter(rs -> Writes.name(rs).equals(newName)).findFirst().orElse(null);
    long maxRevision = 0;
    for (ObjectNode rs : owned) {
      maxRevision = Math.max(maxRevision, revision(rs));
    }
    boolean paused = spec.path("paused").asBoolean(false);
    if (newRs == null && !paused) {
      ObjectNode created = resources.create(rsType, namespace, replicaSetFor(deployment, hash, replicas, maxRevision + 1),
          WriteOptions.DEFAULT).body();
      newRs = resources.store().get(REPLICASETS, namespace, Writes.name(created)).orElse(null);
      owned = ownedReplicaSets(deployment);
    }
    boolean recreate = Json.text(spec, "strategy", "type").equals("Recreate");
    long oldPods = 0;
    long newAvailable = newRs == null ? 0 : newRs.path("status").path("availableReplicas").asLong(0);
    for (ObjectNode rs : owned) {
      if (rs != newRs) {
        oldPods += rs.path("status").path("replicas").asLong(0);
      }
    }
    if (newRs != null && !paused) {
      long target = recreate && oldPods > 0 ? 0 : replicas;
      scale(rsType, newRs, target);
    }
    long oldAllowed = recreate ? 0 : Math.max(0, replicas - newAvailable);
    for (ObjectNode rs : owned) {
      if (rs == newRs || paused) {
        continue;
      }
      long current = rs.path("spec").path("replicas").asLong(0);
      long target = Math.min(current, oldAllowed);
      oldAllowed -= target;
      scale(rsType, rs, target);
    }
    if (newRs != null) {
      String revision = Long.toString(revision(newRs));
      if (!revision.equals(Json.text(deployment, "metadata", "annotations", REVISION))) {
        Writes.update(resources, Writes.type(resources, DEPLOYMENTS), namespace, Writes.name(deployment), "", current -> {
          Json.child(Json.metadata(current), "annotations").put(REVISION, revision);
          return current;
        });
      }
    }
    updateStatus(deployment, newRs == null ? null : Writes.name(newRs));
  }

  private static long revision(JsonNode rs) {
    try {
      return Long.parseLong(Json.text(rs, "metadata", "annotations", REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private List<ObjectNode> ownedReplicaSets(ObjectNode deployment) {
    String uid = Writes.uid(deployment);
    List<ObjectNode> owned = new ArrayList<>();
    for (ObjectRef ref : resources.store().dependentsOf(uid)) {
      if (ref.collection().equals(REPLICASETS)) {
        resources.store().get(REPLICASETS, ref.namespace(), ref.name())
            .filter(rs -> Writes.controllerOf(rs).map(owner -> Json.text(owner, "uid").equals(uid)).orElse(false))
            .filter(rs -> !Writes.deleting(rs))
            .ifPresent(owned::add);
      }
    }
    return owned;
  }

  private void scale(ResourceType rsType, ObjectNode rs, long replicas) {
    if (rs.path("spec").path("replicas").asLong(-1) == replicas) {
      return;
    }
    Writes.update(resources, rsType, Writes.namespace(rs), Writes.name(rs), "", current -> {
      if (current.path("spec").path("replicas").asLong(-1) == replicas) {
        return null;
      }
      Json.child(current, "spec").put("replicas", replicas);
      return current;
    });
  }

  private static ObjectNode replicaSetFor(ObjectNode deployment, String hash, long replicas, long revision) {
    JsonNode spec = deployment.path("spec");
    ObjectNode rs = Json.object();
    rs.put("kind", "ReplicaSet");
    rs.put("apiVersion", "apps/v1");
    ObjectNode metadata = rs.putObject("metadata");
    metadata.put("name", Writes.name(deployment) + "-" + hash);
    metadata.put("namespace", Writes.namespace(deployment));
    ObjectNode labels = spec.path("template").path("metadata").path("labels").isObject()
        ? ((ObjectNode) spec.path("template").path("metadata").path("labels")).deepCopy() : Json.object();
    labels.put(HASH_LABEL, hash);
    metadata.set("labels", labels.deepCopy());
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put("deployment.kubernetes.io/desired-replicas", Long.toString(replicas));
    annotations.put("deployment.kubernetes.io/max-replicas", Long.toString(replicas));
    annotations.put(REVISION, Long.toString(revision));
    ObjectNode owner = metadata.putArray("ownerReferences").addObject();
    owner.put("apiVersion", "apps/v1");
    owner.put("kind", "Deployment");
    owner.put("name", Writes.name(deployment));
    owner.put("uid", Writes.uid(deployment));
    owner.put("controller", true);
    owner.put("blockOwnerDeletion", true);
    ObjectNode rsSpec = rs.putObject("spec");
    rsSpec.put("replicas", replicas);
    if (spec.has("minReadySeconds")) {
      rsSpec.set("minReadySeconds", spec.get("minReadySeconds").deepCopy());
    }
    ObjectNode selector = spec.path("selector").isObject() ? ((ObjectNode) spec.path("selector")).deepCopy() : Json.object();
    Json.child(selector, "matchLabels").put(HASH_LABEL, hash);
    rsSpec.set("selector", selector);
    ObjectNode template = spec.path("template").isObject() ? ((ObjectNode) spec.path("template")).deepCopy() : Json.object();
    Json.child(Json.child(template, "metadata"), "labels").put(HASH_LABEL, hash);
    rsSpec.set("template", template);
    return rs;
  }

  private void updateStatus(ObjectNode deployment, String newName) {
    List<ObjectNode> owned = ownedReplicaSets(deployment);
    long replicas = 0;
    long updated = 0;
    long ready = 0;
    long available = 0;
    boolean oldRemain = false;
    for (ObjectNode rs : owned) {
      JsonNode status = rs.path("status");
      replicas += status.path("replicas").asLong(0);
      ready += status.path("readyReplicas").asLong(0);
      available += status.path("availableReplicas").asLong(0);
      if (Writes.name(rs).equals(newName)) {
        updated = status.path("replicas").asLong(0);
      } else if (status.path("replicas").asLong(0) > 0) {
        oldRemain = true;
      }
    }
    long desired = deployment.path("spec").path("replicas").asLong(1);
    long maxUnavailable = maxUnavailable(deployment.path("spec"), desired);
    JsonNode old = deployment.path("status");
    ObjectNode status = Json.object();
    long generation = deployment.path("metadata").path("generation").asLong(0);
    if (generation > 0) {
      status.put("observedGeneration", generation);
    }
    if (replicas > 0) {
      status.put("replicas", replicas);
    }
    if (updated > 0) {
      status.put("updatedReplicas", updated);
    }
    if (ready > 0) {
      status.put("readyReplicas", ready);
    }
    if (available > 0) {
      status.put("availableReplicas", available);
    }
    long unavailable = Math.max(0, desired - available);
    if (unavailable > 0) {
      status.put("unavailableReplicas", unavailable);
    }
    String now = Timestamps.time(Instant.now());
    ArrayNode conditions = status.putArray("conditions");
    boolean minimum = available >= desired - maxUnavailable;
    condition(conditions, old, "Available", minimum,
        minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        minimum ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now);
    boolean complete = newName != null && updated == desired && available >= desired && !oldRemain;
    condition(conditions, old, "Progressing", true,
        complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
        newName == null ? "Deployment is paused" : complete
            ? "ReplicaSet \"" + newName + "\" has successfully progressed."
            : "ReplicaSet \"" + newName + "\" is progressing.", now);
    if (old.has("collisionCount")) {
      status.set("collisionCount", old.get("collisionCount").deepCopy());
    }
    if (status.equals(old)) {
      return;
    }
    Writes.update(resources, Writes.type(resources, DEPLOYMENTS), Writes.namespace(deployment), Writes.name(deployment),
        "status", current -> {
          if (!Writes.uid(current).equals(Writes.uid(deployment))) {
            return null;
          }
          current.set("status", status);
          return current;
        });
  }

  private static long maxUnavailable(JsonNode spec, long desired) {
    if (Json.text(spec, "strategy", "type").equals("Recreate")) {
      return desired;
    }
    JsonNode value = spec.path("strategy").path("rollingUpdate").path("maxUnavailable");
    if (value.isNumber()) {
      return value.asLong();
    }
    String text = value.asText("25%");
    if (text.endsWith("%")) {
      try {
        return desired * Long.parseLong(text.substring(0, text.length() - 1)) / 100;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A condition keeps its times while its status and reason stay, as the real controller keeps them. */
  private static void condition(ArrayNode conditions, JsonNode oldStatus, String type, boolean status, String reason,
      String message, String now) {
    ObjectNode condition = conditions.addObject();
    condition.put("type", type);
    condition.put("status", status ? "True" : "False");
    String updateTime = now;
    String transitionTime = now;
    for (JsonNode old : oldStatus.path("conditions")) {
      if (Json.text(old, "type").equals(type)) {
        if (Json.text(old, "status").equals(status ? "True" : "False")) {
          transitionTime = Json.text(old, "lastTransitionTime");
          if (Json.text(old, "reason").equals(reason) && Json.text(old, "message").equals(message)) {
            updateTime = Json.text(old, "lastUpdateTime");
          }
        }
      }
    }
    condition.put("lastUpdateTime", updateTime);
    condition.put("lastTransitionTime", transitionTime);
    condition.put("reason", reason);
    condition.put("message", message);
  }
}
