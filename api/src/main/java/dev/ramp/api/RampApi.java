package dev.ramp.api;

/**
 * Names of Ramp's API in one place: group, version, kinds and plurals, as compile-time constants
 * (usable in annotations). {@link RampKind} ties them to the Java types and the CRDs.
 */
public final class RampApi {
  private RampApi() {}

  public static final String GROUP = "ramp.dev";
  public static final String VERSION = "v1alpha1";
  /** {@code ramp.dev/v1alpha1}, the {@code apiVersion} of every Ramp object. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final String ROLLOUT = "Rollout";
  public static final String ROLLOUTS = "rollouts";
  public static final String ANALYSIS_TEMPLATE = "AnalysisTemplate";
  public static final String ANALYSIS_TEMPLATES = "analysistemplates";
  public static final String CLUSTER_ANALYSIS_TEMPLATE = "ClusterAnalysisTemplate";
  public static final String CLUSTER_ANALYSIS_TEMPLATES = "clusteranalysistemplates";
  public static final String ANALYSIS_RUN = "AnalysisRun";
  public static final String ANALYSIS_RUNS = "analysisruns";
}
