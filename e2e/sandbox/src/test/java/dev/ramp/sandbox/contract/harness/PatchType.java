package dev.ramp.sandbox.contract.harness;

/** The PATCH content types a Kubernetes API server distinguishes. */
public enum PatchType {
  MERGE("application/merge-patch+json"),
  JSON("application/json-patch+json"),
  STRATEGIC("application/strategic-merge-patch+json"),
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }
}
