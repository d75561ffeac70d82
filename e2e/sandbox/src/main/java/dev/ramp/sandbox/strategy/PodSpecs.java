package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import dev.ramp.sandbox.validation.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The defaults kube-apiserver fills into every pod spec (pods and the templates of workloads), so a
 * controller comparing what it wrote with what it reads back meets the same differences as on a real
 * cluster, and the few validations of a pod spec that matter.
 */
public final class PodSpecs {
  private PodSpecs() {}

  /** SetDefaults_PodSpec and SetDefaults_Container, the parts clients notice. */
  public static void applyDefaults(ObjectNode spec) {
    putIfAbsent(spec, "restartPolicy", "Always");
    if (!spec.has("terminationGracePeriodSeconds")) {
      spec.put("terminationGracePeriodSeconds", 30);
    }
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    if (!spec.has("securityContext")) {
      spec.putObject("securityContext");
    }
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    for (String list : List.of("initContainers", "containers")) {
      JsonNode containers = spec.get(list);
      if (containers instanceof ArrayNode array) {
        array.forEach(container -> {
          if (container instanceof ObjectNode object) {
            containerDefaults(object);
          }
        });
      }
    }
  }

  private static void containerDefaults(ObjectNode container) {
    putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
    putIfAbsent(container, "terminationMessagePolicy", "File");
    if (!container.has("imagePullPolicy")) {
      container.put("imagePullPolicy", pullPolicy(Json.text(container, "image")));
    }
    if (!container.has("resources")) {
      container.putObject("resources");
    }
    JsonNode ports = container.get("ports");
    if (ports instanceof ArrayNode array) {
      array.forEach(port -> {
        if (port instanceof ObjectNode object) {
          putIfAbsent(object, "protocol", "TCP");
        }
      });
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      if (container.get(probe) instanceof ObjectNode object) {
        if (!object.has("timeoutSeconds")) {
          object.put("timeoutSeconds", 1);
        }
        if (!object.has("periodSeconds")) {
          object.put("periodSeconds", 10);
        }
        if (!object.has("successThreshold")) {
          object.put("successThreshold", 1);
        }
        if (!object.has("failureThreshold")) {
          object.put("failureThreshold", 3);
        }
        if (object.get("httpGet") instanceof ObjectNode httpGet) {
          putIfAbsent(httpGet, "path", "/");
          putIfAbsent(httpGet, "scheme", "HTTP");
        }
      }
    }
  }

  /** Always for :latest or no tag, IfNotPresent otherwise. */
  static String pullPolicy(String image) {
    if (image.contains("@")) {
      return "IfNotPresent";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return "Always";
    }
    return image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
  }

  /** A pod template's defaults: its spec's, and {@code metadata.creationTimestamp: null} as the real server shows. */
  public static void applyTemplateDefaults(ObjectNode template) {
    ObjectNode metadata = Json.child(template, "metadata");
    if (!metadata.has("creationTimestamp")) {
      ObjectNode reordered = Json.object();
      reordered.putNull("creationTimestamp");
      reordered.setAll(metadata);
      template.set("metadata", reordered);
    }
    applyDefaults(Json.child(template, "spec"));
  }

  public static String qosClass(JsonNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonNode container : spec.path("containers")) {
      JsonNode resources = container.path("resources");
      JsonNode requests = resources.path("requests");
      JsonNode limits = resources.path("limits");
      if (requests.size() > 0 || limits.size() > 0) {
        any = true;
      }
      for (String resource : List.of("cpu", "memory")) {
        JsonNode limit = limits.get(resource);
        JsonNode request = requests.get(resource);
        if (limit == null || (request != null && !request.asText().equals(limit.asText()))) {
          guaranteed = false;
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  /** ValidatePodSpec, the checks that catch real mistakes: containers, names, images. */
  public static List<FieldError> validate(JsonNode spec, String path) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode containers = spec.path("containers");
    if (!containers.isArray() || containers.isEmpty()) {
      errors.add(FieldErrors.required(path + ".containers", ""));
    }
    Set<String> names = new HashSet<>();
    for (String list : List.of("initContainers", "containers")) {
      JsonNode array = spec.path(list);
      for (int i = 0; i < array.size(); i++) {
        JsonNode container = array.get(i);
        String prefix = path + "." + list + "[" + i + "]";
        String name = Json.text(container, "name");
        if (name.isEmpty()) {
          errors.add(FieldErrors.required(prefix + ".name", ""));
        } else {
          Names.labelErrors(name).forEach(message -> errors.add(FieldErrors.invalidString(prefix + ".name", name, message)));
          if (!names.add(name)) {
            errors.add(FieldErrors.duplicate(prefix + ".name", GoFormat.quote(name)));
          }
        }
        if (Json.text(container, "image").isBlank()) {
          errors.add(FieldErrors.required(prefix + ".image", ""));
        }
      }
    }
    return errors;
  }

  private static void putIfAbsent(ObjectNode object, String field, String value) {
    if (!object.has(field) || object.get(field).isNull()) {
      object.put(field, value);
    }
  }
}
