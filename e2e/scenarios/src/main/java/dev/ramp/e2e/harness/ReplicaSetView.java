package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.api.RampMetadataKeys;

/** A ReplicaSet of a Rollout: one revision. */
public record ReplicaSetView(JsonNode object) {
  /** The label that names a revision by its pod-template hash, on ReplicaSets, pods and selectors. */
  public static final String HASH_LABEL = RampMetadataKeys.POD_TEMPLATE_HASH;

  public String name() {
    return object.at("/metadata/name").asText();
  }

  public String hash() {
    return object.at("/metadata/labels").path(HASH_LABEL).asText();
  }

  /** The first container's image. */
  public String image() {
    return object.at("/spec/template/spec/containers/0/image").asText();
  }

  /** {@code spec.replicas} (what the controller asked for). */
  public int desired() {
    return object.at("/spec/replicas").asInt(0);
  }

  /** {@code status.replicas} (pods that exist). */
  public int pods() {
    return object.at("/status/replicas").asInt(0);
  }

  public int ready() {
    return object.at("/status/readyReplicas").asInt(0);
  }

  public int available() {
    return object.at("/status/availableReplicas").asInt(0);
  }

  /** The Rollout that owns it, by name ("" when none). */
  public String owner() {
    for (JsonNode ref : object.at("/metadata/ownerReferences")) {
      if (ref.path("kind").asText().equals("Rollout")) {
        return ref.path("name").asText();
      }
    }
    return "";
  }

  public String summary() {
    return "image " + image() + ", desired " + desired() + ", pods " + pods() + ", ready " + ready()
        + ", available " + available();
  }
}
