package dev.ramp.cli.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import dev.ramp.cli.core.Json;
import dev.ramp.cli.core.ReplicaSetInfo;
import dev.ramp.cli.core.RolloutSnapshot;
import io.kubernetes.client.openapi.JSON;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Reads and writes Rollouts, and reads what they own (ReplicaSets, AnalysisRuns), in the cluster. */
public final class RolloutClient implements RolloutAccess {
  private final Cluster cluster;

  public RolloutClient(Cluster cluster) {
    this.cluster = cluster;
  }

  public Cluster cluster() {
    return cluster;
  }

  @Override
  public JsonObject get(String namespace, String name) {
    return cluster.get(ResourceRef.rollout(namespace, name));
  }

  @Override
  public JsonObject patch(String namespace, String name, boolean status, JsonObject patch) {
    ResourceRef ref = ResourceRef.rollout(namespace, name);
    return cluster.mergePatch(status ? ref.status() : ref, patch);
  }

  /** The Rollout and its ReplicaSets; a missing Rollout is an error naming the namespace. */
  @Override
  public RolloutSnapshot snapshot(String namespace, String name) {
    JsonObject raw = cluster.get(ResourceRef.rollout(namespace, name));
    Rollout rollout = typed(raw, Rollout.class, "rollout " + name);
    return new RolloutSnapshot(rollout, raw, replicaSets(namespace, raw));
  }

  /** Every Rollout of a namespace, or of all namespaces. */
  public List<Rollout> list(Optional<String> namespace) {
    List<Rollout> rollouts = new ArrayList<>();
    for (JsonObject item : cluster.items(ResourceRef.rollouts(namespace), Map.of())) {
      rollouts.add(typed(item, Rollout.class, "rollout " + Json.string(item, "metadata", "name").orElse("")));
    }
    return rollouts;
  }

  /** The AnalysisRuns the Rollout owns. */
  public List<AnalysisRun> analysisRuns(Rollout rollout) {
    String namespace = rollout.metadata().getNamespace();
    String uid = rollout.metadata().getUid();
    List<AnalysisRun> runs = new ArrayList<>();
    // The controller labels every run it makes with why it runs; the owner reference says whose it is.
    for (JsonObject item : cluster.items(ResourceRef.analysisRuns(namespace), Map.of("labelSelector", RampMetadataKeys.ANALYSIS))) {
      if (ownedBy(item, uid)) {
        runs.add(typed(item, AnalysisRun.class, "analysisrun " + Json.string(item, "metadata", "name").orElse("")));
      }
    }
    return runs;
  }

  private List<ReplicaSetInfo> replicaSets(String namespace, JsonObject rollout) {
    String uid = Json.string(rollout, "metadata", "uid").orElse("");
    String selector = Json.object(rollout, "spec", "selector", "matchLabels")
        .map(labels -> labels.entrySet().stream()
            .filter(e -> e.getValue().isJsonPrimitive())
            .map(e -> e.getKey() + "=" + e.getValue().getAsString())
            .collect(Collectors.joining(",")))
        .orElse("");
    Map<String, String> query = selector.isEmpty() ? Map.of() : Map.of("labelSelector", selector);
    List<ReplicaSetInfo> sets = new ArrayList<>();
    for (JsonObject item : cluster.items(ResourceRef.replicaSets(namespace), query)) {
      if (ownedBy(item, uid)) {
        sets.add(replicaSet(item));
      }
    }
    return sets;
  }

  /** A ReplicaSet as the plugin uses it. */
  public static ReplicaSetInfo replicaSet(JsonObject item) {
    JsonObject template = Json.object(item, "spec", "template").orElse(new JsonObject());
    List<String> images = new ArrayList<>();
    Json.at(template, "spec", "containers").filter(JsonElement::isJsonArray).ifPresent(containers -> {
      for (JsonElement c : containers.getAsJsonArray()) {
        if (c.isJsonObject()) {
          images.add(Json.string(c.getAsJsonObject(), "name").orElse("?") + "="
              + Json.string(c.getAsJsonObject(), "image").orElse("?"));
        }
      }
    });
    OptionalLong revision = Json.string(item, "metadata", "annotations", RampMetadataKeys.REVISION)
        .map(RolloutClient::parseLong).orElse(OptionalLong.empty());
    return new ReplicaSetInfo(
        Json.string(item, "metadata", "name").orElse(""),
        Json.string(item, "metadata", "labels", RampMetadataKeys.POD_TEMPLATE_HASH),
        revision,
        Json.integer(item, 1, "spec", "replicas"),
        Json.integer(item, 0, "status", "replicas"),
        Json.integer(item, 0, "status", "readyReplicas"),
        Json.integer(item, 0, "status", "availableReplicas"),
        template,
        images,
        Json.string(item, "metadata", "creationTimestamp").flatMap(RolloutClient::instant));
  }

  private static boolean ownedBy(JsonObject item, String uid) {
    return Json.at(item, "metadata", "ownerReferences").filter(JsonElement::isJsonArray)
        .map(refs -> {
          for (JsonElement ref : refs.getAsJsonArray()) {
            if (ref.isJsonObject() && Json.string(ref.getAsJsonObject(), "uid").orElse("").equals(uid)) {
              return true;
            }
          }
          return false;
        })
        .orElse(false);
  }

  private static <T> T typed(JsonObject raw, Class<T> type, String what) {
    try {
      return JSON.getGson().fromJson(raw, type);
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
      throw new CliException(ExitCode.CLUSTER, "cannot read " + what + " as this plugin knows it ("
          + e.getMessage() + "): does the plugin's version match the controller's?", e);
    }
  }

  private static OptionalLong parseLong(String text) {
    try {
      return OptionalLong.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
