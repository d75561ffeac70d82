package dev.ramp.controller.traffic;

import com.google.gson.JsonObject;
import dev.ramp.controller.kube.Istio;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.kube.ObjectKey;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weights of a canary across the Rollout's VirtualServices, shared by the host-level and the
 * subset-level split (they differ only in how a destination is recognised).
 */
@Singleton
public class VirtualServiceSplit {
  static final String KIND = "VirtualService";

  private final IstioObjects istio;

  public VirtualServiceSplit(IstioObjects istio) {
    this.istio = istio;
  }

  /** What reading the VirtualServices found. */
  record Reading(Map<ObjectKey, JsonObject> virtualServices, Optional<Integer> canaryWeight, List<String> problems) {}

  /** Reads every referenced VirtualService and the canary weight they agree on. */
  Reading read(List<VirtualServiceRef> refs, Optional<String> version, Destination canary, Destination stable) {
    Map<ObjectKey, JsonObject> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (refs.isEmpty()) {
      return new Reading(found, Optional.empty(), List.of("the Rollout names no VirtualService to route through"));
    }
    if (version.isEmpty()) {
      for (VirtualServiceRef ref : refs) {
        problems.add(KIND + " " + ref.key() + " cannot be read: this cluster serves no " + Istio.GROUP
            + " API (is Istio installed?)");
      }
      return new Reading(found, Optional.empty(), problems);
    }
    List<Optional<Integer>> weights = new ArrayList<>();
    for (VirtualServiceRef ref : refs) {
      Optional<JsonObject> vs = istio.get(Istio.VIRTUAL_SERVICES, KIND, version.get(), ref.key());
      if (vs.isEmpty()) {
        problems.add(KIND + " " + ref.key() + " not found");
        continue;
      }
      found.put(ref.key(), vs.get());
      String what = KIND + " " + ref.key();
      VirtualServiceRoutes.Selection selection = VirtualServiceRoutes.select(vs.get(), what, ref.routes());
      problems.addAll(selection.problems());
      problems.addAll(VirtualServiceRoutes.missingDestinations(vs.get(), what, selection.indexes(), canary, stable));
      weights.add(VirtualServiceRoutes.canaryWeight(vs.get(), selection.indexes(), canary, stable));
    }
    Optional<Integer> agreed = Optional.empty();
    if (problems.isEmpty() && weights.stream().allMatch(Optional::isPresent)
        && weights.stream().map(Optional::get).distinct().count() == 1) {
      agreed = weights.get(0);
    }
    return new Reading(found, agreed, problems);
  }

  /** Writes the weight to every VirtualService that does not carry it yet. */
  void write(TrafficState state, List<VirtualServiceRef> refs, Destination canary, Destination stable, int weight) {
    String version = state.istioVersion().orElseThrow(() ->
        new IllegalStateException("no " + Istio.GROUP + " API was found; cannot set weights"));
    for (VirtualServiceRef ref : refs) {
      JsonObject vs = state.virtualServices().get(ref.key());
      if (vs == null) {
        throw new IllegalStateException(KIND + " " + ref.key() + " was not found; cannot set weights");
      }
      VirtualServiceRoutes.Selection selection = VirtualServiceRoutes.select(vs, KIND + " " + ref.key(), ref.routes());
      Optional<JsonPatch> patch = VirtualServiceRoutes.weightPatch(vs, selection.indexes(), canary, stable, weight);
      if (patch.isPresent()) {
        state.virtualServices().put(ref.key(),
            istio.patch(Istio.VIRTUAL_SERVICES, KIND, version, ref.key(), patch.get()));
      }
    }
  }
}
