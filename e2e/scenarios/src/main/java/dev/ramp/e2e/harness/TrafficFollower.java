package dev.ramp.e2e.harness;

import dev.ramp.sandbox.prometheus.SimulatedWorkload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the mesh for a {@link SimulatedWorkload}: whenever the scenario's timeline changes, it reads the
 * weights the controller wrote to a VirtualService route (host-level split), finds which revision each
 * destination Service selects (by pod-template hash) and sends the workload's traffic to those revisions
 * in those shares.
 * Revisions are the series' {@code revision} label, so a query selects a revision by its hash.
 */
public final class TrafficFollower {
  private final SimulatedWorkload workload;
  private final String virtualService;
  private final String route;
  private final Images images;
  private final Map<String, Double> errorRatiosByImage = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ratiosApplied = new ConcurrentHashMap<>();
  private volatile Map<String, Integer> lastShares = Map.of();

  private TrafficFollower(SimulatedWorkload workload, String virtualService, String route, Images images) {
    this.workload = workload;
    this.images = images;
    this.virtualService = virtualService;
    this.route = route;
  }

  /** Starts following a VirtualService route of the scenario's namespace. */
  public static TrafficFollower follow(Scenario scenario, SimulatedWorkload workload, String virtualService,
      String route) {
    TrafficFollower follower = new TrafficFollower(workload, virtualService, route,
        scenario.environment().images());
    scenario.timeline().onChange(follower::update);
    return follower;
  }

  /**
   * The share of requests that fail for the revision running this image (first container), applied as
   * soon as its ReplicaSet appears, before it receives any traffic.
   */
  public TrafficFollower errorRatio(String image, double ratio) {
    errorRatiosByImage.put(images.resolve(image), ratio);
    return this;
  }

  /** The shares last sent, by revision hash. */
  public Map<String, Integer> shares() {
    return lastShares;
  }

  private synchronized void update(World world) {
    for (var object : world.all(Kind.REPLICA_SET)) {
      ReplicaSetView rs = new ReplicaSetView(object);
      Double ratio = errorRatiosByImage.get(rs.image());
      if (ratio != null && ratiosApplied.putIfAbsent(rs.hash(), true) == null) {
        workload.errorRatio(rs.hash(), ratio);
      }
    }
    world.virtualService(virtualService).ifPresent(vs -> {
      Map<String, Integer> shares = new LinkedHashMap<>();
      vs.weights(route).forEach((destination, weight) -> {
        String hash = world.serviceHash(destination);
        if (!hash.isEmpty()) {
          shares.merge(hash, weight, Integer::sum);
        }
      });
      if (!shares.isEmpty() && !shares.equals(lastShares)) {
        workload.trafficShares(shares);
        lastShares = Map.copyOf(shares);
      }
    });
  }
}
