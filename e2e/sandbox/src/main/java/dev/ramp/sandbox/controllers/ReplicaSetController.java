package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.selector.LabelSelector;
import dev.ramp.sandbox.server.DeleteOptions;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.server.WriteOptions;
import dev.ramp.sandbox.store.ObjectRef;
import dev.ramp.sandbox.store.StoreEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's ReplicaSet controller: as many pods as spec.replicas (named
 * {@code <rs>-xxxxx}, labelled from the template, controlled by the ReplicaSet), unready and newest
 * pods deleted first when scaling down, and a status computed from the pods, overwriting whatever
 * else was written there (SC2, SC8, SC8b).
 */
final class ReplicaSetController implements Controller {
  static final String REPLICASETS = "apps/replicasets";
  static final String PODS = "core/pods";

  private final Resources resources;

  ReplicaSetController(Resources resources) {
    this.resources = resources;
  }

  @Override
  public String name() {
    return "replicaset-controller";
  }

  @Override
  public void observe(StoreEvent event, WorkQueue queue) {
    if (event.collection().equals(REPLICASETS)) {
      if (event.type() != StoreEvent.Type.DELETED) {
        queue.add(Writes.key(Writes.namespace(event.object()), Writes.name(event.object())));
      }
    } else if (event.collection().equals(PODS)) {
      ownerKey(event.object()).ifPresent(queue::add);
      if (event.previous() != null) {
        ownerKey(event.previous()).ifPresent(queue::add);
      }
    }
  }

  private static Optional<String> ownerKey(JsonNode pod) {
    return Writes.controllerOf(pod)
        .filter(owner -> Json.text(owner, "kind").equals("ReplicaSet"))
        .map(owner -> Writes.key(Writes.namespace(pod), Json.text(owner, "name")));
  }

  @Override
  public void sync(String key, WorkQueue queue) {
    String[] parts = Writes.split(key);
    String namespace = parts[0];
    String name = parts[1];
    Optional<ObjectNode> found = resources.store().get(REPLICASETS, namespace, name);
    if (found.isEmpty() || Writes.deleting(found.get())) {
      return;
    }
    ObjectNode rs = found.get();
    ResourceType podType = Writes.type(resources, PODS);
    List<ObjectNode> pods = activePods(rs);
    long desired = rs.path("spec").path("replicas").asLong(1);
    if (pods.size() < desired) {
      for (long i = pods.size(); i < desired; i++) {
        resources.create(podType, namespace, podFor(rs), WriteOptions.DEFAULT);
      }
      pods = activePods(rs);
    } else if (pods.size() > desired) {
      List<ObjectNode> ranked = new ArrayList<>(pods);
      ranked.sort(deletionOrder());
      for (int i = 0; i < pods.size() - desired; i++) {
        Writes.delete(resources, podType, namespace, Writes.name(ranked.get(i)), DeleteOptions.background());
      }
      pods = activePods(rs);
    }
    updateStatus(rs, pods, queue, key);
  }

  /** The ReplicaSet's own pods: controlled by its uid, not being deleted, not finished. */
  private List<ObjectNode> activePods(ObjectNode rs) {
    String uid = Writes.uid(rs);
    List<ObjectNode> pods = new ArrayList<>();
    for (ObjectRef ref : resources.store().dependentsOf(uid)) {
      if (!ref.collection().equals(PODS)) {
        continue;
      }
      resources.store().get(PODS, ref.namespace(), ref.name()).ifPresent(pod -> {
        boolean controlled = Writes.controllerOf(pod).map(owner -> Json.text(owner, "uid").equals(uid)).orElse(false);
        if (controlled && Pods.active(pod)) {
          pods.add(pod);
        }
      });
    }
    return pods;
  }

  /** Unscheduled before scheduled, not ready before ready, then the most recently ready and created first. */
  private static Comparator<ObjectNode> deletionOrder() {
    return Comparator.<ObjectNode, Boolean>comparing(pod -> !Json.text(pod, "spec", "nodeName").isEmpty())
        .thenComparing(Pods::ready)
        .thenComparing(pod -> Pods.readySince(pod).orElse(Instant.EPOCH), Comparator.reverseOrder())
        .thenComparing(Pods::created, Comparator.reverseOrder())
        .thenComparing(Writes::name, Comparator.reverseOrder());
  }

  private static ObjectNode podFor(ObjectNode rs) {
    JsonNode template = rs.path("spec").path("template");
    ObjectNode pod = Json.object();
    pod.put("kind", "Pod");
    pod.put("apiVersion", "v1");
    ObjectNode metadata = pod.putObject("metadata");
    metadata.put("generateName", Writes.name(rs) + "-");
    metadata.put("namespace", Writes.namespace(rs));
    JsonNode labels = template.path("metadata").path("labels");
    if (labels.isObject()) {
      metadata.set("labels", labels.deepCopy());
    }
    JsonNode annotations = template.path("metadata").path("annotations");
    if (annotations.isObject()) {
      metadata.set("annotations", annotations.deepCopy());
    }
    ObjectNode owner = metadata.putArray("ownerReferences").addObject();
    owner.put("apiVersion", "apps/v1");
    owner.put("kind", "ReplicaSet");
    owner.put("name", Writes.name(rs));
    owner.put("uid", Writes.uid(rs));
    owner.put("controller", true);
    owner.put("blockOwnerDeletion", true);
    pod.set("spec", template.path("spec").isObject() ? template.path("spec").deepCopy() : Json.object());
    return pod;
  }

  private void updateStatus(ObjectNode rs, List<ObjectNode> pods, WorkQueue queue, String key) {
    Map<String, String> templateLabels = Json.stringMap(rs.path("spec").path("template").path("metadata").path("labels"));
    LabelSelector fullyLabeled = new LabelSelector(templateLabels.entrySet().stream()
        .map(entry -> new LabelSelector.Requirement(entry.getKey(), LabelSelector.Operator.EQUALS, List.of(entry.getValue())))
        .toList());
    long minReady = rs.path("spec").path("minReadySeconds").asLong(0);
    Instant now = resources.clock().instant();
    int labeled = 0;
    int ready = 0;
    int available = 0;
    Instant nextAvailable = null;
    for (ObjectNode pod : pods) {
      if (fullyLabeled.matches(pod)) {
        labeled++;
      }
      Optional<Instant> since = Pods.readySince(pod);
      if (since.isPresent()) {
        ready++;
        Instant availableAt = since.get().plusSeconds(minReady);
        if (minReady == 0 || !availableAt.isAfter(now)) {
          available++;
        } else if (nextAvailable == null || availableAt.isBefore(nextAvailable)) {
          nextAvailable = availableAt;
        }
      }
    }
    if (nextAvailable != null) {
      queue.addAfter(key, Duration.between(now, nextAvailable).plusMillis(50));
    }
    ObjectNode status = Json.object();
    status.put("replicas", pods.size());
    if (labeled > 0) {
      status.put("fullyLabeledReplicas", labeled);
    }
    if (ready > 0) {
      status.put("readyReplicas", ready);
    }
    if (available > 0) {
      status.put("availableReplicas", available);
    }
    long generation = rs.path("metadata").path("generation").asLong(0);
    if (generation > 0) {
      status.put("observedGeneration", generation);
    }
    JsonNode conditions = rs.path("status").path("conditions");
    if (conditions.isArray() && !conditions.isEmpty()) {
      status.set("conditions", conditions.deepCopy());
    }
    if (status.equals(rs.path("status"))) {
      return;
    }
    ResourceType type = Writes.type(resources, REPLICASETS);
    Writes.update(resources, type, Writes.namespace(rs), Writes.name(rs), "status", current -> {
      if (!Writes.uid(current).equals(Writes.uid(rs))) {
        return null;
      }
      current.set("status", status);
      return current;
    });
  }
}
