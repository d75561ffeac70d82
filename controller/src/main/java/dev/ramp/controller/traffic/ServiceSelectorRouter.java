package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.BlueGreenStrategy;
import dev.ramp.api.rollout.Rollout;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blue-green: all traffic goes where the active Service's selector points, and the preview Service
 * shows the new revision before that; switching is re-pinning a selector. No weights.
 */
@Singleton
public class ServiceSelectorRouter implements TrafficRouter {
  private final ServicePinner services;

  public ServiceSelectorRouter(ServicePinner services) {
    this.services = services;
  }

  @Override
  public TrafficState observe(Rollout rollout) {
    BlueGreenStrategy blueGreen = rollout.spec().strategy().blueGreen().orElseThrow();
    List<String> names = new ArrayList<>();
    names.add(blueGreen.activeService());
    blueGreen.previewService().ifPresent(names::add);
    return services.observeOnly(rollout, names);
  }

  @Override
  public void setCanaryWeight(TrafficState state, int canaryWeight) {
    // Blue-green has no weights: the active Service's selector is the switch.
  }

  @Override
  public void pinSelectors(TrafficState state, Map<String, String> selectors) {
    services.pin(state, selectors);
  }
}
