package dev.ramp.controller.traffic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ramp.controller.kube.JsonPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP routes of a VirtualService that a Rollout sets, and their weights: pure functions over the
 * VirtualService as read ({@code spec.http[].route[].destination/weight}).
 */
public final class VirtualServiceRoutes {
  private VirtualServiceRoutes() {}

  /** The indexes in {@code spec.http} of the routes to set, or why they cannot be found. */
  public record Selection(List<Integer> indexes, List<String> problems) {
    public Selection {
      indexes = List.copyOf(indexes);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Finds the named routes; with no names, the VirtualService's only HTTP route.
   *
   * @param what {@code VirtualService namespace/name}, for the sentences
   */
  public static Selection select(JsonObject virtualService, String what, List<String> routeNames) {
    JsonArray http = http(virtualService);
    if (routeNames.isEmpty()) {
      if (http.size() == 1) {
        return new Selection(List.of(0), List.of());
      }
      return new Selection(List.of(), List.of(what + " has " + http.size()
          + " HTTP routes; name the ones Ramp sets in the Rollout's virtualService.routes"));
    }
    List<Integer> indexes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String name : routeNames) {
      int found = -1;
      for (int i = 0; i < http.size(); i++) {
        JsonObject route = http.get(i).getAsJsonObject();
        if (route.has("name") && name.equals(route.get("name").getAsString())) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        problems.add("route '" + name + "' not found in " + what);
      } else {
        indexes.add(found);
      }
    }
    return new Selection(indexes, problems);
  }

  /** Routes among the selected ones that lack a destination of the canary or of the stable revision. */
  public static List<String> missingDestinations(JsonObject virtualService, String what, List<Integer> indexes,
      Destination canary, Destination stable) {
    List<String> problems = new ArrayList<>();
    for (int index : indexes) {
      JsonArray destinations = destinations(virtualService, index);
      for (Destination wanted : List.of(canary, stable)) {
        boolean present = false;
        for (JsonElement d : destinations) {
          present |= wanted.matches().test(destination(d));
        }
        if (!present) {
          problems.add(routeName(virtualService, index) + " of " + what + " has no destination with "
              + wanted.description());
        }
      }
    }
    return problems;
  }

  /**
   * The canary's weight if every selected route gives the canary the same weight and the stable
   * revision the rest; empty when they disagree (someone edited one) or a destination is missing.
   */
  public static Optional<Integer> canaryWeight(JsonObject virtualService, List<Integer> indexes, Destination canary,
      Destination stable) {
    Integer found = null;
    for (int index : indexes) {
      JsonArray destinations = destinations(virtualService, index);
      Integer canaryWeight = null;
      Integer stableWeight = null;
      for (int j = 0; j < destinations.size(); j++) {
        JsonObject d = destination(destinations.get(j));
        int weight = weight(destinations, j);
        if (canary.matches().test(d)) {
          canaryWeight = canaryWeight == null ? weight : canaryWeight + weight;
        } else if (stable.matches().test(d)) {
          stableWeight = stableWeight == null ? weight : stableWeight + weight;
        }
      }
      if (canaryWeight == null || stableWeight == null || canaryWeight + stableWeight != 100) {
        return Optional.empty();
      }
      if (found != null && !found.equals(canaryWeight)) {
        return Optional.empty();
      }
      found = canaryWeight;
    }
    return Optional.ofNullable(found);
  }

  /**
   * The patch that gives the canary {@code weight} and the stable revision {@code 100 - weight} on every
   * selected route; empty when every weight is already so.
   */
  public static Optional<JsonPatch> weightPatch(JsonObject virtualService, List<Integer> indexes, Destination canary,
      Destination stable, int weight) {
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException("a weight is 0..100, not " + weight);
    }
    JsonPatch patch = JsonPatch.at(resourceVersion(virtualService));
    for (int index : indexes) {
      JsonArray destinations = destinations(virtualService, index);
      for (int j = 0; j < destinations.size(); j++) {
        JsonObject d = destination(destinations.get(j));
        Integer wanted = canary.matches().test(d) ? Integer.valueOf(weight)
            : stable.matches().test(d) ? Integer.valueOf(100 - weight) : null;
        JsonObject entry = destinations.get(j).getAsJsonObject();
        boolean explicit = entry.has("weight") && entry.get("weight").isJsonPrimitive();
        if (wanted != null && (!explicit || entry.get("weight").getAsInt() != wanted)) {
          patch.add("/spec/http/" + index + "/route/" + j + "/weight", wanted);
        }
      }
    }
    return patch.isEmpty() ? Optional.empty() : Optional.of(patch);
  }

  /** A destination's weight; Istio reads a missing weight as 100 for a lone destination, else 0. */
  static int weight(JsonArray destinations, int j) {
    JsonObject entry = destinations.get(j).getAsJsonObject();
    if (entry.has("weight") && entry.get("weight").isJsonPrimitive()) {
      return entry.get("weight").getAsInt();
    }
    return destinations.size() == 1 ? 100 : 0;
  }

  static String resourceVersion(JsonObject object) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    return metadata == null || !metadata.has("resourceVersion") ? "" : metadata.get("resourceVersion").getAsString();
  }

  private static JsonArray http(JsonObject virtualService) {
    JsonObject spec = virtualService.getAsJsonObject("spec");
    if (spec == null || !spec.has("http") || !spec.get("http").isJsonArray()) {
      return new JsonArray();
    }
    return spec.getAsJsonArray("http");
  }

  private static JsonArray destinations(JsonObject virtualService, int index) {
    JsonObject route = http(virtualService).get(index).getAsJsonObject();
    return route.has("route") && route.get("route").isJsonArray() ? route.getAsJsonArray("route") : new JsonArray();
  }

  private static JsonObject destination(JsonElement entry) {
    JsonObject object = entry.getAsJsonObject();
    return object.has("destination") && object.get("destination").isJsonObject()
        ? object.getAsJsonObject("destination") : new JsonObject();
  }

  private static String routeName(JsonObject virtualService, int index) {
    JsonObject route = http(virtualService).get(index).getAsJsonObject();
    return route.has("name") ? "route '" + route.get("name").getAsString() + "'" : "HTTP route " + index;
  }
}
