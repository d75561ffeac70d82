package dev.ramp.sandbox.contract.harness;

/** Which API server a contract test runs against. */
public enum Target {
  SANDBOX("sandbox"),
  REAL_CLUSTER("real cluster");

  private final String label;

  Target(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The target of this run: a real cluster when {@code KUBECONFIG} is set, the sandbox otherwise. Only one
   * runs, so that a real-cluster run never starts a sandbox it does not need.
   */
  public static Target active() {
    return kubeconfigPath().isEmpty() ? SANDBOX : REAL_CLUSTER;
  }

  /** The first file named by {@code KUBECONFIG}, or empty when the variable is not set. */
  static String kubeconfigPath() {
    String value = System.getenv("KUBECONFIG");
    if (value == null || value.isBlank()) {
      return "";
    }
    return value.split(java.io.File.pathSeparator)[0].trim();
  }
}
