package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.Rollout;
import java.util.Map;

/**
 * Moves a Rollout's traffic, one implementation per way of splitting it: by replica ratio (no
 * router), an Istio VirtualService between two hosts, an Istio VirtualService between two subsets
 * of a DestinationRule, or Services switched by selector (blue-green).
 *
 * <p>{@link #observe} reads every object the router controls and reports what it found, what it could
 * not resolve as sentences (never as exceptions: a missing VirtualService is the user's to fix), and
 * keeps the objects with their resourceVersions in the {@link TrafficState}. The writes then patch
 * exactly those versions; an object that moved in between is a conflict
 * ({@link dev.ramp.controller.kube.KubeApiException#isConflict()}) and the reconcile starts over.
 */
public interface TrafficRouter {

  /**
   * Reads the router's objects for this Rollout (whose template is resolved).
   *
   * @throws dev.ramp.controller.kube.KubeApiException when the API server fails (not when an object is missing)
   */
  TrafficState observe(Rollout rollout);

  /** Gives the canary {@code canaryWeight} percent and the stable revision the rest; writes nothing already so. */
  void setCanaryWeight(TrafficState state, int canaryWeight);

  /**
   * Points Services (by name) or DestinationRule subsets ({@code <rule>/<subset>}) at revisions (their
   * pod-template hashes); writes nothing already so.
   */
  void pinSelectors(TrafficState state, Map<String, String> selectors);
}
