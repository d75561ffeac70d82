package dev.ramp.sandbox.registry;

/**
 * Where a kind keeps what its {@code /scale} subresource shows: JSON paths as a CRD declares them
 * ({@code .spec.replicas}). {@code selectorIsLabelSelector} marks the built-in workloads, whose
 * selector is a metav1.LabelSelector to print as a string; a CRD's path holds the string itself.
 */
public record ScaleSpec(String specReplicasPath, String statusReplicasPath, String labelSelectorPath,
    boolean selectorIsLabelSelector) {

  public static final ScaleSpec WORKLOAD = new ScaleSpec(".spec.replicas", ".status.replicas", ".spec.selector", true);

  public static String[] segments(String jsonPath) {
    String trimmed = jsonPath.startsWith(".") ? jsonPath.substring(1) : jsonPath;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\.");
  }
}
