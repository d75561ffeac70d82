package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Rollout as the API returned it, read the way a person reads {@code kubectl get rollout -o yaml}. */
public record RolloutView(String name, JsonNode object) {

  /** A Rollout not (or no longer) there. */
  public static RolloutView absent(String name) {
    return new RolloutView(name, MissingNode.getInstance());
  }

  public boolean exists() {
    return !object.isMissingNode();
  }

  public String phase() {
    return object.at("/status/phase").asText();
  }

  public String message() {
    return object.at("/status/message").asText();
  }

  public long generation() {
    return object.at("/metadata/generation").asLong();
  }

  public long observedGeneration() {
    return object.at("/status/observedGeneration").asLong(-1);
  }

  /** The controller has seen the latest spec. */
  public boolean observed() {
    return exists() && observedGeneration() == generation();
  }

  /** {@code status.currentStepIndex}, or -1 when absent. */
  public int stepIndex() {
    JsonNode index = object.at("/status/currentStepIndex");
    return index.isNumber() ? index.asInt() : -1;
  }

  public int stepCount() {
    return object.at("/spec/strategy/canary/steps").size();
  }

  /** The canary step at this index. */
  public JsonNode step(int index) {
    return object.at("/spec/strategy/canary/steps").path(index);
  }

  public String currentPodHash() {
    return object.at("/status/currentPodHash").asText();
  }

  public String stableHash() {
    return object.at("/status/stableRS").asText();
  }

  public boolean aborted() {
    return object.at("/status/abort").asBoolean(false);
  }

  public boolean promoteFull() {
    return object.at("/status/promoteFull").asBoolean(false);
  }

  public boolean specPaused() {
    return object.at("/spec/paused").asBoolean(false);
  }

  /** {@code status.pauseConditions[].reason}. */
  public List<String> pauseReasons() {
    List<String> reasons = new ArrayList<>();
    object.at("/status/pauseConditions").forEach(c -> reasons.add(c.path("reason").asText()));
    return reasons;
  }

  /** When the pause of this reason started, if the rollout is paused for it. */
  public Optional<OffsetDateTime> pauseStart(String reason) {
    for (JsonNode c : object.at("/status/pauseConditions")) {
      if (c.path("reason").asText().equals(reason)) {
        return Optional.of(OffsetDateTime.parse(c.path("startTime").asText()));
      }
    }
    return Optional.empty();
  }

  /** The condition of this type ({@code type, status, reason, message}), if reported. */
  public Optional<JsonNode> condition(String type) {
    for (JsonNode c : object.at("/status/conditions")) {
      if (c.path("type").asText().equals(type)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** {@code status.canary.weights.canary.weight}, or -1 when not reported. */
  public int statusCanaryWeight() {
    JsonNode weight = object.at("/status/canary/weights/canary/weight");
    return weight.isNumber() ? weight.asInt() : -1;
  }

  public int readyReplicas() {
    return object.at("/status/readyReplicas").asInt(0);
  }

  public int availableReplicas() {
    return object.at("/status/availableReplicas").asInt(0);
  }

  public int replicas() {
    return object.at("/spec/replicas").asInt(1);
  }

  /** Healthy at the latest spec, the current revision stable. */
  public boolean healthy() {
    return observed() && phase().equals("Healthy") && !currentPodHash().isEmpty()
        && currentPodHash().equals(stableHash());
  }

  /** A one-line summary for timelines. */
  public String summary() {
    if (!exists()) {
      return "absent";
    }
    StringBuilder out = new StringBuilder();
    out.append(phase().isEmpty() ? "(no status)" : phase());
    if (stepCount() > 0 && stepIndex() >= 0) {
      out.append(", step ").append(Math.min(stepIndex() + 1, stepCount())).append('/').append(stepCount());
      if (stepIndex() >= stepCount()) {
        out.append(" done");
      }
    }
    if (statusCanaryWeight() >= 0) {
      out.append(", weight ").append(statusCanaryWeight());
    }
    if (!pauseReasons().isEmpty()) {
      out.append(", paused ").append(pauseReasons());
    }
    if (specPaused()) {
      out.append(", spec.paused");
    }
    if (aborted()) {
      out.append(", abort");
    }
    if (promoteFull()) {
      out.append(", promoteFull");
    }
    out.append(", stable ").append(stableHash().isEmpty() ? "-" : stableHash());
    out.append(", current ").append(currentPodHash().isEmpty() ? "-" : currentPodHash());
    if (!message().isEmpty()) {
      out.append(": ").append(message());
    }
    return out.toString();
  }
}
