package dev.ramp.sandbox.patch;

import java.util.Optional;

/** The patch formats a PATCH request may carry, by Content-Type. */
public enum PatchType {
  JSON("application/json-patch+json"),
  MERGE("application/merge-patch+json"),
  STRATEGIC("application/strategic-merge-patch+json"),
  APPLY("application/apply-patch+yaml");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  public static Optional<PatchType> of(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String base = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    for (PatchType type : values()) {
      if (type.mediaType.equals(base)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
