package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.IstioTrafficRouting;
import dev.ramp.api.rollout.Rollout;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Picks the router a Rollout's strategy asks for. */
@Singleton
public class TrafficRouters {
  private final ReplicaRatioRouter replicaRatio;
  private final IstioVirtualServiceRouter hostSplit;
  private final IstioDestinationRuleRouter subsetSplit;
  private final ServiceSelectorRouter blueGreen;

  public TrafficRouters(ReplicaRatioRouter replicaRatio, IstioVirtualServiceRouter hostSplit,
      IstioDestinationRuleRouter subsetSplit, ServiceSelectorRouter blueGreen) {
    this.replicaRatio = replicaRatio;
    this.hostSplit = hostSplit;
    this.subsetSplit = subsetSplit;
    this.blueGreen = blueGreen;
  }

  public TrafficRouter forRollout(Rollout rollout) {
    if (rollout.spec().strategy().isBlueGreen()) {
      return blueGreen;
    }
    Optional<IstioTrafficRouting> istio = rollout.spec().strategy().canary().flatMap(c -> c.istio());
    if (istio.isEmpty()) {
      return replicaRatio;
    }
    return istio.get().isSubsetSplit() ? subsetSplit : hostSplit;
  }
}
