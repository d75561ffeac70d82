package dev.ramp.api.rollout;

import com.google.gson.annotations.SerializedName;

/** Why the controller paused a Rollout. */
public enum PauseReason {
  /** A canary {@code pause} step. */
  @SerializedName("CanaryPauseStep") CANARY_PAUSE_STEP("CanaryPauseStep"),
  /** Blue-green waiting for promotion ({@code autoPromotionEnabled: false} or autoPromotionSeconds). */
  @SerializedName("BlueGreenPause") BLUE_GREEN_PAUSE("BlueGreenPause"),
  /** An analysis ended Inconclusive: a person decides. */
  @SerializedName("InconclusiveAnalysisRun") INCONCLUSIVE_ANALYSIS_RUN("InconclusiveAnalysisRun");

  private final String wireName;

  PauseReason(String wireName) {
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
