package dev.ramp.api.analysis;

import com.google.gson.annotations.SerializedName;

/** Phase of an AnalysisRun, of one of its metrics, or of one measurement (Argo Rollouts' spelling). */
public enum AnalysisPhase {
  @SerializedName("Pending") PENDING("Pending"),
  @SerializedName("Running") RUNNING("Running"),
  @SerializedName("Successful") SUCCESSFUL("Successful"),
  @SerializedName("Failed") FAILED("Failed"),
  @SerializedName("Error") ERROR("Error"),
  @SerializedName("Inconclusive") INCONCLUSIVE("Inconclusive");

  private final String wireName;

  AnalysisPhase(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling in manifests and status, e.g. {@code Successful}. */
  public String wireName() {
    return wireName;
  }

  /** True for a verdict: Successful, Failed, Error or Inconclusive. */
  public boolean isCompleted() {
    return this != PENDING && this != RUNNING;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
