package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.CanaryStep;
import io.kubernetes.client.openapi.JSON;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A short, stable hash of a canary's steps ({@code status.currentStepHash}): when someone edits the
 * steps of a rollout under way, the steps start again from the first.
 */
final class StepsHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final JSON JSON = new JSON(); // thread-safe once built, and costly to build per call

  private StepsHash() {}

  static String of(List<CanaryStep> steps) {
    byte[] json = JSON.serialize(steps).getBytes(StandardCharsets.UTF_8);
    long hash = FNV_OFFSET;
    for (byte b : json) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return String.format("%016x", hash).substring(0, 10);
  }
}
