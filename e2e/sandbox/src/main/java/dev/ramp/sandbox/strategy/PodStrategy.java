package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.validation.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/** Pods: spec defaults, status Pending on create, and a spec that only changes where a real server lets it. */
public final class PodStrategy implements KindStrategy {
  static final String UPDATE_FORBIDDEN = "pod updates may not change fields other than `spec.containers[*].image`,"
      + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
      + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

  @Override
  public void prepareForCreate(ObjectNode pod) {
    ObjectNode spec = Json.child(pod, "spec");
    PodSpecs.applyDefaults(spec);
    if (!spec.has("serviceAccountName")) {
      spec.put("serviceAccountName", spec.has("serviceAccount") ? Json.text(spec, "serviceAccount") : "default");
    }
    spec.put("serviceAccount", Json.text(spec, "serviceAccountName"));
    if (!spec.has("enableServiceLinks")) {
      spec.put("enableServiceLinks", true);
    }
    if (!spec.has("priority")) {
      spec.put("priority", 0);
    }
    if (!spec.has("preemptionPolicy")) {
      spec.put("preemptionPolicy", "PreemptLowerPriority");
    }
    if (!spec.has("tolerations")) {
      ArrayNode tolerations = spec.putArray("tolerations");
      for (String key : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
        ObjectNode toleration = tolerations.addObject();
        toleration.put("key", key);
        toleration.put("operator", "Exists");
        toleration.put("effect", "NoExecute");
        toleration.put("tolerationSeconds", 300);
      }
    }
    ObjectNode status = Json.object();
    status.put("phase", "Pending");
    status.put("qosClass", PodSpecs.qosClass(spec));
    pod.set("status", status);
  }

  @Override
  public void prepareForUpdate(ObjectNode pod, ObjectNode old) {
    JsonNode status = pod.get("status");
    if (status instanceof ObjectNode object) {
      Timestamps.normalizeConditions(object);
      Timestamps.normalizeTime(object, "startTime");
    }
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode pod) {
    return PodSpecs.validate(pod.path("spec"), "spec");
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode pod, ObjectNode old) {
    List<FieldError> errors = new ArrayList<>(PodSpecs.validate(pod.path("spec"), "spec"));
    if (!mutableView(pod.path("spec"), old.path("spec")).equals(mutableView(old.path("spec"), old.path("spec")))) {
      errors.add(FieldErrors.forbidden("spec", UPDATE_FORBIDDEN));
    }
    return errors;
  }

  /** The spec without the fields an update may change. */
  private static JsonNode mutableView(JsonNode spec, JsonNode oldSpec) {
    ObjectNode view = spec.isObject() ? ((ObjectNode) spec).deepCopy() : Json.object();
    for (String list : List.of("containers", "initContainers")) {
      JsonNode containers = view.get(list);
      if (containers instanceof ArrayNode array) {
        array.forEach(container -> {
          if (container instanceof ObjectNode object) {
            object.remove("image");
          }
        });
      }
    }
    view.remove("activeDeadlineSeconds");
    view.remove("tolerations");
    view.remove("terminationGracePeriodSeconds");
    if (Json.text(oldSpec, "nodeName").isEmpty()) {
      // binding a pod to a node is the scheduler's write: allowed once
      view.remove("nodeName");
    }
    return view;
  }
}
