package dev.ramp.analysis.assessment;

/** The phase of a measurement, a metric or a run, as written to an AnalysisRun's status. */
public enum AnalysisPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCESSFUL("Successful"),
  FAILED("Failed"),
  ERROR("Error"),
  INCONCLUSIVE("Inconclusive");

  private final String wireName;

  AnalysisPhase(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling in status: {@code Successful}, {@code Failed}, ... */
  public String wireName() {
    return wireName;
  }

  /** Whether nothing more will be measured. */
  public boolean completed() {
    return this == SUCCESSFUL || this == FAILED || this == ERROR || this == INCONCLUSIVE;
  }

  /**
   * @throws IllegalArgumentException for a spelling status does not use
   */
  public static AnalysisPhase parse(String wireName) {
    for (AnalysisPhase phase : values()) {
      if (phase.wireName.equals(wireName)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("unknown analysis phase \"" + wireName + "\"");
  }
}
