package dev.ramp.api.rollout;

import com.google.gson.annotations.SerializedName;

/** Status of a condition, as Kubernetes spells it. */
public enum ConditionStatus {
  @SerializedName("True") TRUE,
  @SerializedName("False") FALSE,
  @SerializedName("Unknown") UNKNOWN
}
