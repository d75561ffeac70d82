package dev.ramp.api.analysis;

import com.google.gson.annotations.SerializedName;

/** Which revision's pod-template hash an argument takes ({@code valueFrom.podTemplateHashValue}). */
public enum PodTemplateHashValue {
  @SerializedName("Stable") STABLE,
  @SerializedName("Latest") LATEST
}
