package dev.ramp.controller.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.custom.V1Patch;

/**
 * An RFC 6902 JSON patch that starts with a {@code test} of {@code /metadata/resourceVersion}: the
 * server applies it only to the version it was computed from and answers 422 otherwise.
 */
public final class JsonPatch {
  private final JsonArray operations = new JsonArray();
  private int changes;

  private JsonPatch(String resourceVersion) {
    operations.add(operation("test", "/metadata/resourceVersion", new JsonPrimitive(resourceVersion)));
  }

  /** A patch of the object at this resourceVersion. */
  public static JsonPatch at(String resourceVersion) {
    if (resourceVersion == null || resourceVersion.isEmpty()) {
      throw new IllegalArgumentException("a patch needs the resourceVersion it was computed from");
    }
    return new JsonPatch(resourceVersion);
  }

  /** Sets the value at a path (RFC 6902 {@code add}: creates or replaces a member). */
  public JsonPatch add(String path, JsonElement value) {
    operations.add(operation("add", path, value));
    changes++;
    return this;
  }

  public JsonPatch add(String path, String value) {
    return add(path, new JsonPrimitive(value));
  }

  public JsonPatch add(String path, int value) {
    return add(path, new JsonPrimitive(value));
  }

  /** Removes the member at a path, which must exist. */
  public JsonPatch remove(String path) {
    JsonObject op = new JsonObject();
    op.addProperty("op", "remove");
    op.addProperty("path", path);
    operations.add(op);
    changes++;
    return this;
  }

  /** Whether anything besides the test is in it. */
  public boolean isEmpty() {
    return changes == 0;
  }

  public JsonArray operations() {
    return operations.deepCopy();
  }

  public V1Patch toV1Patch() {
    return new V1Patch(operations.toString());
  }

  @Override
  public String toString() {
    return operations.toString();
  }

  /** A JSON pointer segment: {@code ramp.dev/revision} becomes {@code ramp.dev~1revision}. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static JsonObject operation(String op, String path, JsonElement value) {
    JsonObject o = new JsonObject();
    o.addProperty("op", op);
    o.addProperty("path", path);
    o.add("value", value);
    return o;
  }
}
