package dev.ramp.sandbox.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.Sandbox;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.store.StoreEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kubelet stand-in (and scheduler): a new pod is bound to the sandbox's node at once and becomes
 * Running and Ready after the ready delay; pods of an image marked never-ready run but stay unready.
 * It only moves a pod forward once, so a status written by hand afterwards stays (SC8b).
 */
public final class Kubelet implements Controller, Sandbox.Kubelet {
  public static final String NODE = "sandbox-node";
  static final String PODS = "core/pods";

  private final Resources resources;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextIp = new AtomicInteger(2);
  private volatile Duration readyDelay;
  private volatile boolean paused;
  private volatile WorkQueue queue;

  Kubelet(Resources resources, Duration readyDelay) {
    this.resources = resources;
    this.readyDelay = readyDelay;
  }

  void attach(WorkQueue queue) {
    this.queue = queue;
  }

  @Override
  public String name() {
    return "kubelet";
  }

  @Override
  public void neverReady(String image) {
    neverReady.add(image);
  }

  @Override
  public void readyDelay(Duration delay) {
    this.readyDelay = delay;
  }

  @Override
  public void pause(boolean paused) {
    this.paused = paused;
    if (!paused && queue != null) {
      for (ObjectNode pod : resources.store().all(PODS, "")) {
        queue.add(Writes.key(Writes.namespace(pod), Writes.name(pod)));
      }
    }
  }

  @Override
  public void observe(StoreEvent event, WorkQueue queue) {
    if (!event.collection().equals(PODS)) {
      return;
    }
    String key = Writes.key(Writes.namespace(event.object()), Writes.name(event.object()));
    switch (event.type()) {
      case ADDED -> {
        firstSeen.put(Writes.uid(event.object()), Instant.now());
        queue.add(key);
      }
      case DELETED -> firstSeen.remove(Writes.uid(event.object()));
      default -> { }
    }
  }

  @Override
  public void sync(String key, WorkQueue queue) {
    if (paused) {
      return;
    }
    String[] parts = Writes.split(key);
    var found = resources.store().get(PODS, parts[0], parts[1]);
    if (found.isEmpty() || Writes.deleting(found.get())) {
      return;
    }
    ObjectNode pod = found.get();
    ResourceType type = Writes.type(resources, PODS);
    if (Json.text(pod, "spec", "nodeName").isEmpty()) {
      bind(type, pod);
      var bound = resources.store().get(PODS, parts[0], parts[1]);
      if (bound.isEmpty() || !Writes.uid(bound.get()).equals(Writes.uid(pod))) {
        return;
      }
      pod = bound.get();
    }
    if (!Json.text(pod, "status", "phase").equals("Pending") || Json.has(pod, "status", "containerStatuses")) {
      return;
    }
    Instant seen = firstSeen.computeIfAbsent(Writes.uid(pod), ignored -> Instant.now());
    Instant readyAt = seen.plus(readyDelay);
    Instant now = Instant.now();
    if (now.isBefore(readyAt)) {
      queue.addAfter(key, Duration.between(now, readyAt));
      return;
    }
    start(type, pod);
  }

  /** What the scheduler does: bind the pod to the node, mark it scheduled. */
  private void bind(ResourceType type, ObjectNode pod) {
    String uid = Writes.uid(pod);
    var bound = Writes.update(resources, type, Writes.namespace(pod), Writes.name(pod), "", current -> {
      if (!Writes.uid(current).equals(uid) || !Json.text(current, "spec", "nodeName").isEmpty()) {
        return null;
      }
      Json.child(current, "spec").put("nodeName", NODE);
      return current;
    });
    if (bound.isEmpty()) {
      return;
    }
    Writes.update(resources, type, Writes.namespace(pod), Writes.name(pod), "status", current -> {
      if (!Writes.uid(current).equals(uid) || hasCondition(current, "PodScheduled")) {
        return null;
      }
      ObjectNode status = Json.child(current, "status");
      ArrayNode conditions = status.putArray("conditions");
      condition(conditions, "PodScheduled", true, Timestamps.time(Instant.now()), null);
      return current;
    });
  }

  private static boolean hasCondition(JsonNode pod, String type) {
    for (JsonNode condition : pod.path("status").path("conditions")) {
      if (Json.text(condition, "type").equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The containers start; the pod is Ready unless one of its images never becomes ready. */
  private void start(ResourceType type, ObjectNode pod) {
    String uid = Writes.uid(pod);
    Writes.update(resources, type, Writes.namespace(pod), Writes.name(pod), "status", current -> {
      if (!Writes.uid(current).equals(uid) || !Json.text(current, "status", "phase").equals("Pending")
          || Json.has(current, "status", "containerStatuses")) {
        return null;
      }
      String now = Timestamps.time(Instant.now());
      ObjectNode status = Json.child(current, "status");
      List<String> unready = new ArrayList<>();
      ArrayNode containerStatuses = Json.array();
      for (JsonNode container : current.path("spec").path("containers")) {
        String image = Json.text(container, "image");
        boolean ready = !neverReady.contains(image);
        if (!ready) {
          unready.add(Json.text(container, "name"));
        }
        ObjectNode containerStatus = containerStatuses.addObject();
        containerStatus.put("name", Json.text(container, "name"));
        containerStatus.putObject("state").putObject("running").put("startedAt", now);
        containerStatus.putObject("lastState");
        containerStatus.put("ready", ready);
        containerStatus.put("restartCount", 0);
        containerStatus.put("image", image);
        containerStatus.put("imageID", "docker.io/library/" + image + "@sha256:" + HexFormat.of().formatHex(
            Long.toHexString(image.hashCode()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        containerStatus.put("containerID", "containerd://" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        containerStatus.put("started", true);
      }
      boolean ready = unready.isEmpty();
      String message = ready ? null : "containers with unready status: [" + String.join(" ", unready) + "]";
      status.put("phase", "Running");
      ArrayNode conditions = status.putArray("conditions");
      condition(conditions, "Initialized", true, now, null);
      condition(conditions, "Ready", ready, now, message);
      condition(conditions, "ContainersReady", ready, now, message);
      condition(conditions, "PodScheduled", true, now, null);
      status.put("hostIP", "10.0.0.1");
      ArrayNode hostIps = status.putArray("hostIPs");
      hostIps.addObject().put("ip", "10.0.0.1");
      String ip = podIp();
      status.put("podIP", ip);
      status.putArray("podIPs").addObject().put("ip", ip);
      status.put("startTime", now);
      status.set("containerStatuses", containerStatuses);
      status.put("qosClass", Json.text(current, "status", "qosClass").isEmpty() ? "BestEffort"
          : Json.text(current, "status", "qosClass"));
      return current;
    });
  }

  /** The node pods run on: one, Ready, as {@code kubectl get nodes} shows it. */
  public static final class Node {
    private Node() {}

    public static ObjectNode object() {
      ObjectNode node = Json.object();
      node.put("kind", "Node");
      node.put("apiVersion", "v1");
      ObjectNode metadata = node.putObject("metadata");
      metadata.put("name", NODE);
      ObjectNode labels = metadata.putObject("labels");
      labels.put("kubernetes.io/hostname", NODE);
      labels.put("kubernetes.io/os", "linux");
      labels.put("kubernetes.io/arch", "amd64");
      ObjectNode status = node.putObject("status");
      ObjectNode ready = status.putArray("conditions").addObject();
      ready.put("type", "Ready");
      ready.put("status", "True");
      ready.put("reason", "KubeletReady");
      ready.put("message", "kubelet is posting ready status");
      ObjectNode address = status.putArray("addresses").addObject();
      address.put("type", "InternalIP");
      address.put("address", "10.0.0.1");
      ObjectNode info = status.putObject("nodeInfo");
      info.put("kubeletVersion", "v1.28.7");
      info.put("operatingSystem", "linux");
      info.put("architecture", "amd64");
      return node;
    }
  }

  private String podIp() {
    int n = nextIp.getAndIncrement();
    return "10.244." + ((n >> 8) & 0xff) + "." + (n & 0xff);
  }

  private static void condition(ArrayNode conditions, String type, boolean status, String now, String message) {
    ObjectNode condition = conditions.addObject();
    condition.put("type", type);
    condition.put("status", status ? "True" : "False");
    condition.putNull("lastProbeTime");
    condition.put("lastTransitionTime", now);
    if (!status) {
      condition.put("reason", "ContainersNotReady");
      condition.put("message", message);
    }
  }
}
