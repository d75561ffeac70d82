package dev.ramp.api.rollout;

import com.google.gson.annotations.SerializedName;

/** Phase of a Rollout, as Argo Rollouts names it. */
public enum RolloutPhase {
  /** The current revision is fully rolled out and available. */
  @SerializedName("Healthy") HEALTHY("Healthy"),
  /** An update is under way. */
  @SerializedName("Progressing") PROGRESSING("Progressing"),
  /** Waiting: a pause step, a blue-green promotion, an inconclusive analysis, or spec.paused. */
  @SerializedName("Paused") PAUSED("Paused"),
  /** Aborted, invalid spec, or the progress deadline exceeded. */
  @SerializedName("Degraded") DEGRADED("Degraded");

  private final String wireName;

  RolloutPhase(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
