package dev.ramp.cli.core;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One ReplicaSet of a Rollout, as the plugin shows and undoes it: a revision of the pod template.
 *
 * @param podTemplateHash label {@code rollouts-pod-template-hash}; names the revision in the Rollout's status
 * @param revision annotation {@code ramp.dev/revision}, when the controller has set it
 * @param template the pod template as the server holds it (a copy of the Rollout's template of that revision)
 * @param images {@code container=image} of each container, in order
 */
public record ReplicaSetInfo(
    String name,
    Optional<String> podTemplateHash,
    OptionalLong revision,
    int desired,
    int replicas,
    int ready,
    int available,
    JsonObject template,
    List<String> images,
    Optional<Instant> created) {

  public ReplicaSetInfo {
    images = List.copyOf(images);
    template = template.deepCopy();
  }

  public boolean hasHash(Optional<String> hash) {
    return hash.isPresent() && podTemplateHash.equals(hash);
  }
}
