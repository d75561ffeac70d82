package dev.ramp.controller.traffic;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.controller.kube.JsonPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The subsets of a DestinationRule that a subset-level split pins to revisions, through the
 * {@code rollouts-pod-template-hash} label of each subset: pure functions over the rule as read.
 */
public final class DestinationRuleSubsets {
  private DestinationRuleSubsets() {}

  /** The named subsets that the rule does not have, as sentences. */
  public static List<String> missing(JsonObject rule, String what, List<String> subsets) {
    List<String> problems = new ArrayList<>();
    for (String subset : subsets) {
      if (index(rule, subset).isEmpty()) {
        problems.add("subset '" + subset + "' not found in " + what);
      }
    }
    return problems;
  }

  /** The hash the subset's labels pin, if any. */
  public static Optional<String> pinnedHash(JsonObject rule, String subset) {
    OptionalInt i = index(rule, subset);
    if (i.isEmpty()) {
      return Optional.empty();
    }
    JsonObject labels = labels(subsets(rule).get(i.getAsInt()).getAsJsonObject());
    return labels != null && labels.has(RampMetadataKeys.POD_TEMPLATE_HASH)
        ? Optional.of(labels.get(RampMetadataKeys.POD_TEMPLATE_HASH).getAsString())
        : Optional.empty();
  }

  /** The patch that pins each subset (name → hash); empty when all already are. */
  public static Optional<JsonPatch> pinPatch(JsonObject rule, Map<String, String> hashes) {
    JsonPatch patch = JsonPatch.at(VirtualServiceRoutes.resourceVersion(rule));
    for (Map.Entry<String, String> pin : hashes.entrySet()) {
      OptionalInt i = index(rule, pin.getKey());
      if (i.isEmpty()) {
        throw new IllegalArgumentException("subset '" + pin.getKey() + "' is not in the DestinationRule");
      }
      if (pinnedHash(rule, pin.getKey()).filter(pin.getValue()::equals).isPresent()) {
        continue;
      }
      JsonObject subset = subsets(rule).get(i.getAsInt()).getAsJsonObject();
      String path = "/spec/subsets/" + i.getAsInt() + "/labels";
      if (labels(subset) == null) {
        JsonObject labels = new JsonObject();
        labels.addProperty(RampMetadataKeys.POD_TEMPLATE_HASH, pin.getValue());
        patch.add(path, labels);
      } else {
        patch.add(path + "/" + JsonPatch.escape(RampMetadataKeys.POD_TEMPLATE_HASH), pin.getValue());
      }
    }
    return patch.isEmpty() ? Optional.empty() : Optional.of(patch);
  }

  private static OptionalInt index(JsonObject rule, String subset) {
    JsonArray subsets = subsets(rule);
    for (int i = 0; i < subsets.size(); i++) {
      JsonObject s = subsets.get(i).getAsJsonObject();
      if (s.has("name") && subset.equals(s.get("name").getAsString())) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private static JsonArray subsets(JsonObject rule) {
    JsonObject spec = rule.getAsJsonObject("spec");
    return spec != null && spec.has("subsets") && spec.get("subsets").isJsonArray()
        ? spec.getAsJsonArray("subsets") : new JsonArray();
  }

  private static JsonObject labels(JsonObject subset) {
    return subset.has("labels") && subset.get("labels").isJsonObject() ? subset.getAsJsonObject("labels") : null;
  }
}
