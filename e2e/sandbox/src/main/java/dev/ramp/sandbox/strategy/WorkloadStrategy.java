package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.selector.LabelSelector;
import dev.ramp.sandbox.validation.FieldErrors;
import dev.ramp.sandbox.validation.GoFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * apps/v1 ReplicaSets and Deployments: defaults, status reset on create, a selector that must match
 * the template's labels (SC6) and never changes (SC7).
 */
public final class WorkloadStrategy implements KindStrategy {
  private final boolean deployment;

  private WorkloadStrategy(boolean deployment) {
    this.deployment = deployment;
  }

  public static WorkloadStrategy replicaSet() {
    return new WorkloadStrategy(false);
  }

  public static WorkloadStrategy deployment() {
    return new WorkloadStrategy(true);
  }

  @Override
  public void prepareForCreate(ObjectNode object) {
    ObjectNode spec = Json.child(object, "spec");
    defaults(spec);
    ObjectNode status = Json.object();
    if (!deployment) {
      status.put("replicas", 0);
    }
    object.set("status", status);
  }

  @Override
  public void prepareForUpdate(ObjectNode object, ObjectNode old) {
    defaults(Json.child(object, "spec"));
    if (object.get("status") instanceof ObjectNode status) {
      Timestamps.normalizeConditions(status);
    }
  }

  private void defaults(ObjectNode spec) {
    if (!spec.has("replicas")) {
      spec.put("replicas", 1);
    }
    PodSpecs.applyTemplateDefaults(Json.child(spec, "template"));
    if (deployment) {
      ObjectNode strategy = Json.child(spec, "strategy");
      if (!strategy.has("type")) {
        strategy.put("type", "RollingUpdate");
      }
      if (Json.text(strategy, "type").equals("RollingUpdate")) {
        ObjectNode rollingUpdate = Json.child(strategy, "rollingUpdate");
        if (!rollingUpdate.has("maxUnavailable")) {
          rollingUpdate.put("maxUnavailable", "25%");
        }
        if (!rollingUpdate.has("maxSurge")) {
          rollingUpdate.put("maxSurge", "25%");
        }
      }
      if (!spec.has("revisionHistoryLimit")) {
        spec.put("revisionHistoryLimit", 10);
      }
      if (!spec.has("progressDeadlineSeconds")) {
        spec.put("progressDeadlineSeconds", 600);
      }
    }
  }

  @Override
  public List<FieldError> validateCreate(ObjectNode object) {
    return validateSpec(object.path("spec"));
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
    List<FieldError> errors = validateSpec(object.path("spec"));
    JsonNode selector = object.path("spec").path("selector");
    JsonNode oldSelector = old.path("spec").path("selector");
    if (!LabelSelector.fromJson(selector).equals(LabelSelector.fromJson(oldSelector))) {
      errors.add(FieldErrors.immutable("spec.selector", GoFormat.labelSelector(selector)));
    }
    return errors;
  }

  /** ValidateReplicaSetSpec / ValidateDeploymentSpec, in their order. */
  private List<FieldError> validateSpec(JsonNode spec) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode replicas = spec.path("replicas");
    if (replicas.isNumber() && replicas.asLong() < 0) {
      errors.add(FieldErrors.invalid("spec.replicas", replicas.asText(), "must be greater than or equal to 0"));
    }
    JsonNode minReady = spec.path("minReadySeconds");
    if (minReady.isNumber() && minReady.asLong() < 0) {
      errors.add(FieldErrors.invalid("spec.minReadySeconds", minReady.asText(), "must be greater than or equal to 0"));
    }
    JsonNode selector = spec.path("selector");
    LabelSelector parsed = LabelSelector.fromJson(selector);
    if (selector.isMissingNode() || selector.isNull()) {
      errors.add(FieldErrors.required("spec.selector", ""));
    } else if (selector.path("matchLabels").size() + selector.path("matchExpressions").size() == 0) {
      errors.add(FieldErrors.invalid("spec.selector", GoFormat.labelSelector(selector),
          "empty selector is invalid for deployment"));
    }
    JsonNode template = spec.path("template");
    JsonNode labels = template.path("metadata").path("labels");
    if (!parsed.isEmpty() && parsed != LabelSelector.NOTHING && !parsed.matches(Json.stringMap(labels))) {
      errors.add(FieldErrors.invalid("spec.template.metadata.labels",
          GoFormat.stringMap(labels.isObject() ? Json.stringMap(labels) : null), "`selector` does not match template `labels`"));
    }
    errors.addAll(PodSpecs.validate(template.path("spec"), "spec.template.spec"));
    String restartPolicy = Json.text(template, "spec", "restartPolicy");
    if (!restartPolicy.isEmpty() && !restartPolicy.equals("Always")) {
      errors.add(FieldErrors.notSupported("spec.template.spec.restartPolicy", restartPolicy, List.of("Always")));
    }
    return errors;
  }
}
