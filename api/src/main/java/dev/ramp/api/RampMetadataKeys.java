package dev.ramp.api;

/**
 * The label and annotation keys the controller writes and the plugin reads, in one place so the two
 * cannot drift apart.
 */
public final class RampMetadataKeys {
  private RampMetadataKeys() {}

  /**
   * Label with a revision's pod-template hash, on its ReplicaSet, pods, Service selectors and
   * AnalysisRuns (Argo Rollouts' name, so selectors and dashboards carry over).
   */
  public static final String POD_TEMPLATE_HASH = "rollouts-pod-template-hash";
  /** Annotation with the Rollout revision number a ReplicaSet was created as. */
  public static final String REVISION = RampApi.GROUP + "/revision";
  /** Label saying why an AnalysisRun runs ({@code step-2}, {@code background}, ...). */
  public static final String ANALYSIS = RampApi.GROUP + "/analysis";
  /** Annotation with when a ReplicaSet is to be scaled to zero (RFC 3339), kept on the object so restarts honour it. */
  public static final String SCALE_DOWN_DEADLINE = RampApi.GROUP + "/scale-down-deadline";
}
