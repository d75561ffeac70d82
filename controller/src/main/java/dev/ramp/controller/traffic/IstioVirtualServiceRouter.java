package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.plan.ObservedTraffic;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Istio host-level split: the named HTTP routes of every listed VirtualService send {@code weight}
 * percent to the canary Service's host and the rest to the stable Service's host, and the two
 * Services' selectors are pinned to their revisions' pod-template hashes.
 */
@Singleton
public class IstioVirtualServiceRouter implements TrafficRouter {
  private final ServicePinner services;
  private final VirtualServiceSplit split;
  private final IstioObjects istio;

  public IstioVirtualServiceRouter(ServicePinner services, VirtualServiceSplit split, IstioObjects istio) {
    this.services = services;
    this.split = split;
    this.istio = istio;
  }

  @Override
  public TrafficState observe(Rollout rollout) {
    CanaryStrategy canary = rollout.spec().strategy().canary().orElseThrow();
    String namespace = rollout.getMetadata().getNamespace();
    List<String> problems = new ArrayList<>();
    if (canary.canaryService().isEmpty() || canary.stableService().isEmpty()) {
      problems.add("an Istio host-level split needs both canaryService and stableService");
    }
    List<String> names = new ArrayList<>();
    canary.canaryService().ifPresent(names::add);
    canary.stableService().ifPresent(names::add);
    ServicePinner.Reading serviceReading = services.read(namespace, rollout.getMetadata().getName(), names,
        RolloutTemplates.podLabels(rollout));
    problems.addAll(serviceReading.problems());
    Optional<String> version = istio.version();
    VirtualServiceSplit.Reading reading = split.read(VirtualServiceRef.all(rollout), version,
        canaryHost(rollout), stableHost(rollout));
    problems.addAll(reading.problems());
    ObservedTraffic observed = new ObservedTraffic(problems.isEmpty() ? reading.canaryWeight() : Optional.empty(),
        serviceReading.selectors(), problems);
    return new TrafficState(rollout, observed, serviceReading.services(), reading.virtualServices(), null,
        version.orElse(null));
  }

  @Override
  public void setCanaryWeight(TrafficState state, int canaryWeight) {
    split.write(state, VirtualServiceRef.all(state.rollout()), canaryHost(state.rollout()),
        stableHost(state.rollout()), canaryWeight);
  }

  @Override
  public void pinSelectors(TrafficState state, Map<String, String> selectors) {
    services.pin(state, selectors);
  }

  private static Destination canaryHost(Rollout rollout) {
    CanaryStrategy canary = rollout.spec().strategy().canary().orElseThrow();
    return Destination.host(canary.canaryService().orElse(""), rollout.getMetadata().getNamespace());
  }

  private static Destination stableHost(Rollout rollout) {
    CanaryStrategy canary = rollout.spec().strategy().canary().orElseThrow();
    return Destination.host(canary.stableService().orElse(""), rollout.getMetadata().getNamespace());
  }
}
