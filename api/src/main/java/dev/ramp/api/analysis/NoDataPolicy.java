package dev.ramp.api.analysis;

import com.google.gson.annotations.SerializedName;

/**
 * What a measurement without data (an empty result or NaN, e.g. 0/0 while the canary gets no
 * traffic) counts as. Ramp's own field ({@code noData}); the default, inconclusive, pauses the
 * rollout for a person rather than promote on missing evidence or abort an idle canary.
 */
public enum NoDataPolicy {
  @SerializedName("fail") FAIL("fail", AnalysisPhase.FAILED),
  @SerializedName("inconclusive") INCONCLUSIVE("inconclusive", AnalysisPhase.INCONCLUSIVE),
  @SerializedName("pass") PASS("pass", AnalysisPhase.SUCCESSFUL);

  private final String wireName;
  private final AnalysisPhase measurementPhase;

  NoDataPolicy(String wireName, AnalysisPhase measurementPhase) {
    this.wireName = wireName;
    this.measurementPhase = measurementPhase;
  }

  public String wireName() {
    return wireName;
  }

  /** The phase a measurement without data gets under this policy. */
  public AnalysisPhase measurementPhase() {
    return measurementPhase;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
