package dev.ramp.cli.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Acknowledgement.SpecObserved;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl ramp set image NAME CONTAINER=IMAGE}: the image of that container (or of every
 * container, {@code *=IMAGE}, as kubectl takes it) in the Rollout's pod template. Init containers
 * count too. The container lists are sent whole, so every other field of them stays as it is.
 */
public final class SetImageDecision {
  private SetImageDecision() {}

  private static final List<String> LISTS = List.of("initContainers", "containers");

  public static Decision decide(RolloutSnapshot snapshot, String container, String image) {
    Rollout rollout = snapshot.rollout();
    String name = snapshot.name();
    Optional<JsonObject> podSpec = Json.object(snapshot.raw(), "spec", "template", "spec");
    if (podSpec.isEmpty()) {
      return new Refused("rollout " + name + " has no pod template of its own"
          + Rollouts.workloadName(rollout).map(w -> ": it takes its pods from Deployment " + w
              + " (workloadRef); set the image there (kubectl set image deployment/" + w + " ...)").orElse(""));
    }
    JsonObject patchSpec = new JsonObject();
    List<String> names = new ArrayList<>();
    boolean matched = false;
    for (String list : LISTS) {
      JsonElement element = podSpec.get().get(list);
      if (element == null || !element.isJsonArray()) {
        continue;
      }
      JsonArray containers = element.getAsJsonArray().deepCopy();
      boolean changed = false;
      for (JsonElement c : containers) {
        if (!c.isJsonObject()) {
          continue;
        }
        String cName = Json.string(c.getAsJsonObject(), "name").orElse("");
        names.add(cName);
        if (container.equals("*") || container.equals(cName)) {
          matched = true;
          if (!Json.string(c.getAsJsonObject(), "image").orElse("").equals(image)) {
            c.getAsJsonObject().add("image", new JsonPrimitive(image));
            changed = true;
          }
        }
      }
      if (changed) {
        patchSpec.add(list, containers);
      }
    }
    if (!matched) {
      return new Refused("rollout " + name + " has no container \"" + container + "\"; its containers: "
          + (names.isEmpty() ? "none" : String.join(", ", names)));
    }
    if (patchSpec.size() == 0) {
      return new AlreadyDone((container.equals("*") ? "every container" : "container " + container) + " of rollout "
          + name + " already runs " + image);
    }
    JsonObject template = new JsonObject();
    template.add("spec", patchSpec);
    return Write.spec(Json.wrap("spec", Json.wrap("template", template)), new SpecObserved());
  }

  public static String report(RolloutSnapshot before, String container, String image) {
    return "set image of rollout " + before.name() + ": " + container + "=" + image
        + "; the controller rolls it out as a new update";
  }
}
