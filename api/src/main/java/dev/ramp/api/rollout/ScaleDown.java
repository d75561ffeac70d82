package dev.ramp.api.rollout;

import com.google.gson.annotations.SerializedName;

/** What happens to a referenced workload's own pods once the Rollout runs them (Argo's spelling). */
public enum ScaleDown {
  /** The workload keeps its replicas. */
  @SerializedName("never") NEVER,
  /** The workload is scaled to 0 once the Rollout is healthy. */
  @SerializedName("onsuccess") ON_SUCCESS,
  /** The workload is scaled down as the Rollout scales up. */
  @SerializedName("progressively") PROGRESSIVELY
}
