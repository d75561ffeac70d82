package dev.ramp.controller.traffic;

import com.google.gson.JsonObject;
import java.util.function.Predicate;

/**
 * Which route destinations of a VirtualService lead to one revision: those with the canary (or
 * stable) Service's host for a host-level split, those with the canary (or stable) subset for a
 * subset-level split.
 *
 * @param description how a person recognises it, e.g. {@code host demo-canary}
 */
public record Destination(String description, Predicate<JsonObject> matches) {

  /**
   * The destinations whose host is the Service: its short name, or its name qualified with the
   * namespace ({@code demo-canary.default}, {@code demo-canary.default.svc.cluster.local}).
   */
  public static Destination host(String service, String namespace) {
    return new Destination("host " + service, destination -> {
      String host = text(destination, "host");
      return host.equals(service) || host.equals(service + "." + namespace)
          || host.startsWith(service + "." + namespace + ".");
    });
  }

  /** The destinations of this DestinationRule subset. */
  public static Destination subset(String subset) {
    return new Destination("subset " + subset, destination -> subset.equals(text(destination, "subset")));
  }

  private static String text(JsonObject object, String member) {
    return object.has(member) && object.get(member).isJsonPrimitive() ? object.get(member).getAsString() : "";
  }
}
