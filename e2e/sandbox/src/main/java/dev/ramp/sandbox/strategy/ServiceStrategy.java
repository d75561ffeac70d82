package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Services: type ClusterIP by default, a cluster IP allocated once and kept (SC12), port defaults. */
public final class ServiceStrategy implements KindStrategy {
  private final Set<String> allocatedIps = new HashSet<>();
  private final Set<Integer> allocatedNodePorts = new HashSet<>();

  @Override
  public void prepareForCreate(ObjectNode service) {
    ObjectNode spec = Json.child(service, "spec");
    if (!spec.has("type")) {
      spec.put("type", "ClusterIP");
    }
    String type = Json.text(spec, "type");
    if (!type.equals("ExternalName")) {
      String clusterIp = Json.text(spec, "clusterIP");
      if (clusterIp.isEmpty()) {
        clusterIp = allocateIp();
        spec.put("clusterIP", clusterIp);
      }
      ArrayNode ips = spec.putArray("clusterIPs");
      ips.add(clusterIp);
      if (!spec.has("ipFamilies")) {
        spec.putArray("ipFamilies").add("IPv4");
      }
      if (!spec.has("ipFamilyPolicy")) {
        spec.put("ipFamilyPolicy", "SingleStack");
      }
      if (!spec.has("internalTrafficPolicy")) {
        spec.put("internalTrafficPolicy", "Cluster");
      }
    }
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
    boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
    if (nodePorts && !spec.has("externalTrafficPolicy")) {
      spec.put("externalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer") && !spec.has("allocateLoadBalancerNodePorts")) {
      spec.put("allocateLoadBalancerNodePorts", true);
    }
    portDefaults(spec, nodePorts);
    ObjectNode status = Json.object();
    status.putObject("loadBalancer");
    service.set("status", status);
  }

  @Override
  public void prepareForUpdate(ObjectNode service, ObjectNode old) {
    ObjectNode spec = Json.child(service, "spec");
    JsonNode oldSpec = old.path("spec");
    if (!spec.has("type")) {
      spec.put("type", "ClusterIP");
    }
    // kube-apiserver keeps the allocated values a client left out (patchAllocatedValues)
    if (Json.text(spec, "clusterIP").isEmpty() && !Json.text(oldSpec, "clusterIP").isEmpty()
        && !Json.text(spec, "type").equals("ExternalName")) {
      for (String field : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy")) {
        if (!spec.has(field) && oldSpec.has(field)) {
          spec.set(field, oldSpec.get(field).deepCopy());
        }
      }
    }
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
    portDefaults(spec, false);
  }

  private void portDefaults(ObjectNode spec, boolean nodePorts) {
    JsonNode ports = spec.get("ports");
    if (ports instanceof ArrayNode array) {
      for (JsonNode port : array) {
        if (port instanceof ObjectNode object) {
          if (!object.has("protocol")) {
            object.put("protocol", "TCP");
          }
          if (!object.has("targetPort") && object.has("port")) {
            object.set("targetPort", object.get("port").deepCopy());
          }
          if (nodePorts && !object.has("nodePort")) {
            object.put("nodePort", allocateNodePort());
          }
        }
      }
    }
  }

  private synchronized String allocateIp() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      String ip = "10.96." + random.nextInt(0, 16) + "." + random.nextInt(2, 255);
      if (allocatedIps.add(ip)) {
        return ip;
      }
    }
  }

  private synchronized int allocateNodePort() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (true) {
      int port = random.nextInt(30000, 32768);
      if (allocatedNodePorts.add(port)) {
        return port;
      }
    }
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode service) {
    return validateSpec(service.path("spec"));
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode service, ObjectNode old) {
    List<FieldError> errors = validateSpec(service.path("spec"));
    String ip = Json.text(service, "spec", "clusterIP");
    String oldIp = Json.text(old, "spec", "clusterIP");
    if (!oldIp.isEmpty() && !ip.equals(oldIp) && !Json.text(service, "spec", "type").equals("ExternalName")) {
      errors.add(FieldErrors.invalid("spec.clusterIPs[0]",
          GoFormat.stringSlice(Json.stringList(service.path("spec").path("clusterIPs"))), "may not change once set"));
    }
    return errors;
  }

  private static List<FieldError> validateSpec(JsonNode spec) {
    List<FieldError> errors = new ArrayList<>();
    String type = Json.text(spec, "type");
    List<String> types = List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
    if (!types.contains(type)) {
      errors.add(FieldErrors.notSupported("spec.type", type, types));
    }
    boolean headless = Json.text(spec, "clusterIP").equals("None");
    JsonNode ports = spec.path("ports");
    if (!type.equals("ExternalName") && !headless && (!ports.isArray() || ports.isEmpty())) {
      errors.add(FieldErrors.required("spec.ports", ""));
    }
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      if (ports.size() > 1 && Json.text(port, "name").isEmpty()) {
        errors.add(FieldErrors.required("spec.ports[" + i + "].name", ""));
      }
      long number = port.path("port").asLong(0);
      if (number < 1 || number > 65535) {
        errors.add(FieldErrors.invalid("spec.ports[" + i + "].port", Long.toString(number),
            "must be between 1 and 65535, inclusive"));
      }
    }
    return errors;
  }
}
