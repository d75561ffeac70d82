package dev.ramp.controller.traffic;

import com.google.gson.JsonObject;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.IstioDestinationRule;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.kube.Istio;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.plan.ObservedTraffic;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio subset-level split: one host, two subsets of a DestinationRule. The subsets' labels are
 * pinned to the revisions' pod-template hashes (selector keys {@code <rule>/<subset>}; the planner
 * moves the canary subset only once the new ReplicaSet is fully available), and the VirtualService
 * routes weigh the two subsets. Canary and stable Services, when named, are pinned as well.
 */
@Singleton
public class IstioDestinationRuleRouter implements TrafficRouter {
  static final String KIND = "DestinationRule";

  private final ServicePinner services;
  private final VirtualServiceSplit split;
  private final IstioObjects istio;

  public IstioDestinationRuleRouter(ServicePinner services, VirtualServiceSplit split, IstioObjects istio) {
    this.services = services;
    this.split = split;
    this.istio = istio;
  }

  @Override
  public TrafficState observe(Rollout rollout) {
    CanaryStrategy canary = rollout.spec().strategy().canary().orElseThrow();
    IstioDestinationRule rule = rule(rollout);
    String namespace = rollout.getMetadata().getNamespace();
    List<String> names = new ArrayList<>();
    canary.canaryService().ifPresent(names::add);
    canary.stableService().ifPresent(names::add);
    ServicePinner.Reading serviceReading = services.read(namespace, rollout.getMetadata().getName(), names,
        RolloutTemplates.podLabels(rollout));
    List<String> problems = new ArrayList<>(serviceReading.problems());
    Map<String, String> selectors = new LinkedHashMap<>(serviceReading.selectors());

    Optional<String> version = istio.version();
    VirtualServiceSplit.Reading reading = split.read(VirtualServiceRef.all(rollout), version,
        Destination.subset(rule.canarySubsetName()), Destination.subset(rule.stableSubsetName()));
    problems.addAll(reading.problems());

    JsonObject found = null;
    if (version.isPresent()) {
      ObjectKey key = new ObjectKey(namespace, rule.name());
      Optional<JsonObject> dr = istio.get(Istio.DESTINATION_RULES, KIND, version.get(), key);
      if (dr.isEmpty()) {
        problems.add(KIND + " " + key + " not found");
      } else {
        found = dr.get();
        problems.addAll(DestinationRuleSubsets.missing(found, KIND + " " + key,
            List.of(rule.canarySubsetName(), rule.stableSubsetName())));
        for (String subset : List.of(rule.canarySubsetName(), rule.stableSubsetName())) {
          JsonObject drObject = found;
          DestinationRuleSubsets.pinnedHash(drObject, subset)
              .ifPresent(hash -> selectors.put(rule.name() + "/" + subset, hash));
        }
      }
    }
    ObservedTraffic observed = new ObservedTraffic(problems.isEmpty() ? reading.canaryWeight() : Optional.empty(),
        selectors, problems);
    return new TrafficState(rollout, observed, serviceReading.services(), reading.virtualServices(), found,
        version.orElse(null));
  }

  @Override
  public void setCanaryWeight(TrafficState state, int canaryWeight) {
    IstioDestinationRule rule = rule(state.rollout());
    split.write(state, VirtualServiceRef.all(state.rollout()), Destination.subset(rule.canarySubsetName()),
        Destination.subset(rule.stableSubsetName()), canaryWeight);
  }

  @Override
  public void pinSelectors(TrafficState state, Map<String, String> selectors) {
    IstioDestinationRule rule = rule(state.rollout());
    Map<String, String> subsets = new LinkedHashMap<>();
    Map<String, String> serviceSelectors = new LinkedHashMap<>();
    selectors.forEach((key, hash) -> {
      if (key.startsWith(rule.name() + "/")) {
        subsets.put(key.substring(rule.name().length() + 1), hash);
      } else {
        serviceSelectors.put(key, hash);
      }
    });
    if (!subsets.isEmpty()) {
      JsonObject dr = state.destinationRule().orElseThrow(() ->
          new IllegalStateException(KIND + " " + rule.name() + " was not found; cannot pin its subsets"));
      Optional<JsonPatch> patch = DestinationRuleSubsets.pinPatch(dr, subsets);
      if (patch.isPresent()) {
        ObjectKey key = new ObjectKey(state.rollout().getMetadata().getNamespace(), rule.name());
        state.destinationRule(istio.patch(Istio.DESTINATION_RULES, KIND, state.istioVersion().orElseThrow(), key,
            patch.get()));
      }
    }
    services.pin(state, serviceSelectors);
  }

  private static IstioDestinationRule rule(Rollout rollout) {
    return rollout.spec().strategy().canary().flatMap(CanaryStrategy::istio)
        .flatMap(istio -> istio.destinationRule())
        .orElseThrow(() -> new IllegalStateException("not a subset-level split"));
  }
}
