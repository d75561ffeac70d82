package dev.ramp.cli.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Acknowledgement.SpecObserved;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code kubectl ramp undo [--to-revision N]}: the Rollout's pod template becomes that of an
 * earlier revision's ReplicaSet (the previous one by default), without the pod-template-hash label
 * the controller put on it and without the defaults the API server filled in (so it is the very
 * template, and the controller takes that revision up again).
 */
public final class UndoDecision {
  private UndoDecision() {}

  public static Decision decide(RolloutSnapshot snapshot, OptionalLong toRevision) {
    Rollout rollout = snapshot.rollout();
    String name = snapshot.name();
    Optional<JsonObject> template = Json.object(snapshot.raw(), "spec", "template");
    if (template.isEmpty()) {
      return new Refused("rollout " + name + " has no pod template of its own"
          + Rollouts.workloadName(rollout).map(w -> ": it takes its pods from Deployment " + w
              + " (workloadRef); undo that Deployment instead (kubectl rollout undo deployment/" + w + ")").orElse(""));
    }
    List<ReplicaSetInfo> revisions = snapshot.replicaSets().stream().filter(rs -> rs.revision().isPresent()).toList();
    long current = snapshot.currentRevision().orElse(revisions.isEmpty() ? 0 : revisions.get(0).revision().getAsLong());
    Optional<ReplicaSetInfo> target;
    if (toRevision.isPresent()) {
      target = revisions.stream().filter(rs -> rs.revision().getAsLong() == toRevision.getAsLong()).findFirst();
      if (target.isEmpty()) {
        return new Refused("rollout " + name + " has no revision " + toRevision.getAsLong() + " (revisions: "
            + (revisions.isEmpty() ? "none" : revisions.stream().map(rs -> Long.toString(rs.revision().getAsLong()))
                .collect(Collectors.joining(", "))) + ")");
      }
    } else {
      target = revisions.stream().filter(rs -> rs.revision().getAsLong() < current).findFirst();
      if (target.isEmpty()) {
        return new Refused("rollout " + name + " has no earlier revision to go back to (it is on "
            + (current > 0 ? "revision " + current : "its first revision") + ")");
      }
    }
    JsonObject wanted = ServerDefaults.strip(withoutHashLabel(target.get().template()));
    JsonObject patch = Patches.diff(template.get(), wanted);
    if (patch.size() == 0) {
      return new AlreadyDone("rollout " + name + " already runs the template of revision "
          + target.get().revision().getAsLong());
    }
    JsonObject spec = new JsonObject();
    spec.add("template", patch);
    JsonObject document = new JsonObject();
    document.add("spec", spec);
    return Write.spec(document, new SpecObserved());
  }

  /**
   * What happened: the revision gone back to, and whether the controller took that revision up
   * again or, its template differing in defaults a person had written out, rolls it out anew.
   */
  public static String report(RolloutSnapshot before, Rollout after, OptionalLong toRevision) {
    long current = before.currentRevision().orElse(Long.MAX_VALUE);
    Optional<ReplicaSetInfo> target = before.replicaSets().stream()
        .filter(rs -> rs.revision().isPresent())
        .filter(rs -> toRevision.isPresent() ? rs.revision().getAsLong() == toRevision.getAsLong()
            : rs.revision().getAsLong() < current)
        .findFirst();
    if (target.isEmpty()) {
      return "rolled rollout " + before.name() + " back";
    }
    ReplicaSetInfo rs = target.get();
    String text = "rolled rollout " + before.name() + " back to revision " + rs.revision().getAsLong() + " ("
        + String.join(", ", rs.images()) + ")";
    return rs.hasHash(after.status().currentPodHash()) ? text
        : text + "; the controller rolls its template out as a new revision";
  }

  /** The template without the controller's pod-template-hash label, as the Rollout's template was. */
  static JsonObject withoutHashLabel(JsonObject template) {
    JsonObject copy = template.deepCopy();
    Optional<JsonObject> labels = Json.object(copy, "metadata", "labels");
    labels.ifPresent(l -> {
      l.remove(ReplicaSetInfo.HASH_LABEL);
      if (l.size() == 0) {
        copy.getAsJsonObject("metadata").remove("labels");
      }
    });
    Optional<JsonElement> metadata = Optional.ofNullable(copy.get("metadata"));
    if (metadata.isPresent() && metadata.get().isJsonObject() && metadata.get().getAsJsonObject().size() == 0) {
      copy.remove("metadata");
    }
    return copy;
  }
}
