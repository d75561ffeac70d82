package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one namespace looked like at one moment of a scenario: the latest version of every object the
 * scenario watches, as of one change. Immutable.
 */
public final class World {
  private final Map<String, ObjectNode> objects;
  private final Instant at;
  private final long resourceVersion;

  World(Map<String, ObjectNode> objects, Instant at, long resourceVersion) {
    this.objects = Map.copyOf(objects);
    this.at = at;
    this.resourceVersion = resourceVersion;
  }

  static String key(Kind kind, String name) {
    return kind.kind() + "/" + name;
  }

  /** When this state was seen. */
  public Instant at() {
    return at;
  }

  /** The resourceVersion of the change that made this state. */
  public long resourceVersion() {
    return resourceVersion;
  }

  public Optional<ObjectNode> get(Kind kind, String name) {
    return Optional.ofNullable(objects.get(key(kind, name)));
  }

  /**
   * The resourceVersion of the latest version of an object seen (by kind name), or -1 when none is
   * (not seen yet, or deleted).
   */
  long versionOf(String kind, String name) {
    ObjectNode object = objects.get(kind + "/" + name);
    return object == null ? -1 : object.at("/metadata/resourceVersion").asLong(0);
  }

  /** All objects of a kind, oldest first. */
  public List<ObjectNode> all(Kind kind) {
    String prefix = kind.kind() + "/";
    List<ObjectNode> out = new ArrayList<>();
    objects.forEach((key, object) -> {
      if (key.startsWith(prefix)) {
        out.add(object);
      }
    });
    out.sort(Comparator.comparing((ObjectNode o) -> o.at("/metadata/creationTimestamp").asText())
        .thenComparing(o -> o.at("/metadata/name").asText()));
    return out;
  }

  public RolloutView rollout(String name) {
    return get(Kind.ROLLOUT, name).map(o -> new RolloutView(name, o)).orElse(RolloutView.absent(name));
  }

  /** The Rollout's ReplicaSets (by owner reference), oldest first. */
  public List<ReplicaSetView> replicaSets(String rollout) {
    return all(Kind.REPLICA_SET).stream().map(ReplicaSetView::new).filter(rs -> rs.owner().equals(rollout)).toList();
  }

  /** The Rollout's ReplicaSet of a revision (by pod-template hash). */
  public Optional<ReplicaSetView> replicaSet(String rollout, String hash) {
    return replicaSets(rollout).stream().filter(rs -> rs.hash().equals(hash)).findFirst();
  }

  /** The Rollout's ReplicaSet running an image (the first container's), newest first. */
  public Optional<ReplicaSetView> replicaSetWithImage(String rollout, String image) {
    List<ReplicaSetView> matching = replicaSets(rollout).stream().filter(rs -> rs.image().equals(image)).toList();
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
  }

  public Optional<VirtualServiceView> virtualService(String name) {
    return get(Kind.VIRTUAL_SERVICE, name).map(VirtualServiceView::new);
  }

  /** The weight of one destination (host or subset) in a VirtualService's route, if the VirtualService exists. */
  public Optional<Integer> weight(String virtualService, String route, String destination) {
    return virtualService(virtualService).map(vs -> vs.weight(route, destination));
  }

  /** The pod-template hash a Service selects ("" when its selector names none). */
  public String serviceHash(String service) {
    return get(Kind.SERVICE, service).map(s -> s.at("/spec/selector").path(ReplicaSetView.HASH_LABEL).asText())
        .orElse("");
  }

  /** The pod-template hash a DestinationRule's subset selects ("" when none). */
  public String subsetHash(String destinationRule, String subset) {
    return get(Kind.DESTINATION_RULE, destinationRule).map(dr -> {
      for (JsonNode s : dr.at("/spec/subsets")) {
        if (s.path("name").asText().equals(subset)) {
          return s.path("labels").path(ReplicaSetView.HASH_LABEL).asText();
        }
      }
      return "";
    }).orElse("");
  }

  /** Pods of a revision that exist (not being deleted). */
  public List<ObjectNode> pods(String hash) {
    return all(Kind.POD).stream()
        .filter(p -> p.at("/metadata/labels").path(ReplicaSetView.HASH_LABEL).asText().equals(hash))
        .filter(p -> p.at("/metadata/deletionTimestamp").isMissingNode())
        .toList();
  }

  /** The Events about a Rollout, in the order they were created. */
  public List<EventView> events(String rollout) {
    return all(Kind.EVENT).stream().map(EventView::new)
        .filter(e -> e.involvedKind().equals("Rollout") && e.involvedName().equals(rollout))
        .sorted(Comparator.comparingLong(EventView::resourceVersion))
        .toList();
  }

  public Optional<ObjectNode> analysisRun(String name) {
    return get(Kind.ANALYSIS_RUN, name);
  }

  /** The Rollout's AnalysisRuns (by owner reference), oldest first. */
  public List<ObjectNode> analysisRuns(String rollout) {
    return all(Kind.ANALYSIS_RUN).stream().filter(run -> {
      for (JsonNode ref : run.at("/metadata/ownerReferences")) {
        if (ref.path("kind").asText().equals("Rollout") && ref.path("name").asText().equals(rollout)) {
          return true;
        }
      }
      return false;
    }).toList();
  }
}
