package dev.ramp.sandbox.strategy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;

/** Leases: acquireTime and renewTime are MicroTime, stored with six fractional digits (LE6). */
public final class LeaseStrategy implements KindStrategy {
  @Override
  public void prepareForCreate(ObjectNode lease) {
    normalize(lease);
  }

  @Override
  public void prepareForUpdate(ObjectNode lease, ObjectNode old) {
    normalize(lease);
  }

  private static void normalize(ObjectNode lease) {
    if (lease.get("spec") instanceof ObjectNode spec) {
      Timestamps.normalizeMicroTime(spec, "acquireTime");
      Timestamps.normalizeMicroTime(spec, "renewTime");
    }
    Json.metadata(lease);
  }
}
