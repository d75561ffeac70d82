package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import io.kubernetes.client.custom.IntOrString;
import java.util.List;
import java.util.Optional;

/**
 * The canary strategy: the new revision takes traffic step by step. Without {@code
 * trafficRouting}, the canary's weight is its share of the replicas.
 *
 * @param canaryService Service that Ramp points at the canary pods only
 * @param stableService Service that Ramp points at the stable pods only
 * @param maxSurge pods above {@code spec.replicas} during the update (default 25%)
 * @param maxUnavailable pods that may be unavailable during the update (default 25%)
 * @param analysis background analysis
 * @param scaleDownDelaySeconds wait after traffic moved before scaling the old ReplicaSet down (30)
 * @param abortScaleDownDelaySeconds wait after an abort before scaling the canary down (30; 0: never)
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record CanaryStrategy(
    Optional<String> canaryService,
    Optional<String> stableService,
    List<CanaryStep> steps,
    Optional<TrafficRouting> trafficRouting,
    IntOrString maxSurge,
    IntOrString maxUnavailable,
    Optional<BackgroundAnalysis> analysis,
    Integer scaleDownDelaySeconds,
    Integer abortScaleDownDelaySeconds) {

  public static final IntOrString DEFAULT_MAX_SURGE = new IntOrString("25%");
  public static final IntOrString DEFAULT_MAX_UNAVAILABLE = new IntOrString("25%");
  public static final int DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
  public static final int DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;

  public CanaryStrategy {
    canaryService = Copies.optional(canaryService);
    stableService = Copies.optional(stableService);
    steps = Copies.list(steps);
    trafficRouting = Copies.optional(trafficRouting);
    maxSurge = maxSurge == null ? DEFAULT_MAX_SURGE : maxSurge;
    maxUnavailable = maxUnavailable == null ? DEFAULT_MAX_UNAVAILABLE : maxUnavailable;
    analysis = Copies.optional(analysis);
    scaleDownDelaySeconds = scaleDownDelaySeconds == null ? DEFAULT_SCALE_DOWN_DELAY_SECONDS : scaleDownDelaySeconds;
    abortScaleDownDelaySeconds = abortScaleDownDelaySeconds == null
        ? DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS : abortScaleDownDelaySeconds;
  }

  /** A canary with these steps and every other field at its default. */
  public static CanaryStrategy withSteps(List<CanaryStep> steps) {
    return new CanaryStrategy(Optional.empty(), Optional.empty(), steps, Optional.empty(), null, null,
        Optional.empty(), null, null);
  }

  /** The Istio routing, when traffic is routed through Istio. */
  public Optional<IstioTrafficRouting> istio() {
    return trafficRouting.flatMap(TrafficRouting::istio);
  }
}
