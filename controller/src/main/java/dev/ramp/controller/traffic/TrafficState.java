package dev.ramp.controller.traffic;

import com.google.gson.JsonObject;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.plan.ObservedTraffic;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a router read for one reconcile: the report for the planner and the objects as read, each
 * with its resourceVersion. A write replaces the object with the server's answer, so a second write
 * to the same object in the same plan carries the version the first produced. Belongs to one
 * reconcile; not shared between threads.
 */
public final class TrafficState {
  private final Rollout rollout;
  private final ObservedTraffic observed;
  private final Map<String, V1Service> services;
  private final Map<ObjectKey, JsonObject> virtualServices;
  private JsonObject destinationRule;
  private final String istioVersion;

  TrafficState(Rollout rollout, ObservedTraffic observed, Map<String, V1Service> services,
      Map<ObjectKey, JsonObject> virtualServices, JsonObject destinationRule, String istioVersion) {
    this.rollout = rollout;
    this.observed = observed;
    this.services = new LinkedHashMap<>(services);
    this.virtualServices = new LinkedHashMap<>(virtualServices);
    this.destinationRule = destinationRule;
    this.istioVersion = istioVersion;
  }

  /** A state that holds only Services (routers without Istio objects). */
  public static TrafficState of(Rollout rollout, ObservedTraffic observed, Map<String, V1Service> services) {
    return new TrafficState(rollout, observed, services, Map.of(), null, null);
  }

  public Rollout rollout() {
    return rollout;
  }

  /** The report for the planner. */
  public ObservedTraffic observed() {
    return observed;
  }

  Map<String, V1Service> services() {
    return services;
  }

  Map<ObjectKey, JsonObject> virtualServices() {
    return virtualServices;
  }

  Optional<JsonObject> destinationRule() {
    return Optional.ofNullable(destinationRule);
  }

  void destinationRule(JsonObject updated) {
    this.destinationRule = updated;
  }

  Optional<String> istioVersion() {
    return Optional.ofNullable(istioVersion);
  }
}
