package dev.ramp.cli.kube;

import com.google.gson.JsonObject;
import dev.ramp.cli.core.RolloutSnapshot;

/** The reads and writes of one Rollout that {@link RolloutWriter} makes; tests fake them. */
public interface RolloutAccess {

  /** The Rollout with its ReplicaSets. */
  RolloutSnapshot snapshot(String namespace, String name);

  /** The Rollout alone, as JSON. */
  JsonObject get(String namespace, String name);

  /**
   * A merge patch of the Rollout, or of its {@code /status}; returns the Rollout as written.
   *
   * @throws ConflictException when the patch's resourceVersion is no longer the Rollout's
   */
  JsonObject patch(String namespace, String name, boolean status, JsonObject patch);
}
