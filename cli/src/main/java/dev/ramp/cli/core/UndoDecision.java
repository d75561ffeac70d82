package dev.ramp.cli.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.revision.PodTemplateHash;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Acknowledgement.SpecObserved;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code kubectl ramp undo [--to-revision N]}: the Rollout's pod template becomes that of an
 * earlier revision's ReplicaSet (the previous one by default), without the pod-template-hash label
 * the controller put on it and without the defaults the API server filled in (so it is the very
 * template, and the controller takes that revision up again).
 *
 * <p>Whether it is the very template is checked, not hoped: the template put back is hashed with
 * the controller's own {@link PodTemplateHash} and compared with the revision's
 * {@code rollouts-pod-template-hash}. A default a person wrote out in the original cannot be told
 * from one the server filled in; then the hashes differ, and the output says that the controller
 * rolls the template out as a new revision (with the same pods).
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
    List<ReplicaSetInfo> revisions = revisions(snapshot);
    Optional<ReplicaSetInfo> target = target(snapshot, toRevision);
    if (target.isEmpty() && toRevision.isPresent()) {
      return new Refused("rollout " + name + " has no revision " + toRevision.getAsLong() + " (revisions: "
          + (revisions.isEmpty() ? "none" : revisions.stream().map(rs -> Long.toString(rs.revision().getAsLong()))
              .collect(Collectors.joining(", "))) + ")");
    }
    if (target.isEmpty()) {
      long current = current(snapshot);
      return new Refused("rollout " + name + " has no earlier revision to go back to (it is on "
          + (current > 0 ? "revision " + current : "its first revision") + ")");
    }
    JsonObject patch = Patches.diff(template.get(), restoredTemplate(target.get()));
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
   * What happened: the revision gone back to, and, when the template put back does not hash to
   * that revision, that the controller rolls it out anew.
   */
  public static String report(RolloutSnapshot before, OptionalLong toRevision) {
    Optional<ReplicaSetInfo> target = target(before, toRevision);
    if (target.isEmpty()) {
      return "rolled rollout " + before.name() + " back";
    }
    ReplicaSetInfo rs = target.get();
    String text = "rolled rollout " + before.name() + " back to revision " + rs.revision().getAsLong() + " ("
        + String.join(", ", rs.images()) + ")";
    return text + newRevision(before, toRevision).map(note -> "; " + note).orElse("");
  }

  /**
   * Said when the template put back does not hash to the revision it comes from: the controller
   * does not take that revision up again but rolls the template out as a new one. Empty when it
   * does hash back (or there is nothing to go back to).
   */
  public static Optional<String> newRevision(RolloutSnapshot before, OptionalLong toRevision) {
    return target(before, toRevision).flatMap(rs -> {
      int collisionCount = before.rollout().status().collisionCount().orElse(0);
      Optional<String> restored = hash(restoredTemplate(rs), collisionCount);
      if (restored.isPresent() && rs.hasHash(restored)) {
        return Optional.empty();
      }
      String revision = "revision " + rs.revision().getAsLong();
      return Optional.of("its template does not hash back to " + revision
          + rs.podTemplateHash().map(h -> " (" + h + restored.map(r -> ", put back: " + r).orElse("") + ")").orElse("")
          + ", most likely because it spelled out a default the API server fills in; the controller rolls it out as"
          + " a new revision with the same pods");
    });
  }

  /** The ReplicaSets with a revision number, newest first. */
  private static List<ReplicaSetInfo> revisions(RolloutSnapshot snapshot) {
    return snapshot.replicaSets().stream().filter(rs -> rs.revision().isPresent()).toList();
  }

  private static long current(RolloutSnapshot snapshot) {
    List<ReplicaSetInfo> revisions = revisions(snapshot);
    return snapshot.currentRevision().orElse(revisions.isEmpty() ? 0 : revisions.get(0).revision().getAsLong());
  }

  /** The revision gone back to: the one asked for, or the newest before the current one. */
  private static Optional<ReplicaSetInfo> target(RolloutSnapshot snapshot, OptionalLong toRevision) {
    long current = current(snapshot);
    return revisions(snapshot).stream()
        .filter(rs -> toRevision.isPresent() ? rs.revision().getAsLong() == toRevision.getAsLong()
            : rs.revision().getAsLong() < current)
        .findFirst();
  }

  /** The template the Rollout gets back: the ReplicaSet's, without the hash label and the server's defaults. */
  static JsonObject restoredTemplate(ReplicaSetInfo revision) {
    return ServerDefaults.strip(withoutHashLabel(revision.template()));
  }

  /** The controller's hash of a template; empty when the template does not read as a pod template. */
  private static Optional<String> hash(JsonObject template, int collisionCount) {
    try {
      return Optional.of(PodTemplateHash.of(JSON.getGson().fromJson(template, V1PodTemplateSpec.class), collisionCount));
    } catch (JsonParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The template without the controller's pod-template-hash label, as the Rollout's template was. */
  static JsonObject withoutHashLabel(JsonObject template) {
    JsonObject copy = template.deepCopy();
    Optional<JsonObject> labels = Json.object(copy, "metadata", "labels");
    labels.ifPresent(l -> {
      l.remove(RampMetadataKeys.POD_TEMPLATE_HASH);
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
