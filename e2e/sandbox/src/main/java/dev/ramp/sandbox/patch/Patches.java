package dev.ramp.sandbox.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatch;
import com.github.fge.jsonpatch.JsonPatchException;
import com.github.fge.jsonpatch.mergepatch.JsonMergePatch;
import dev.ramp.sandbox.errors.ApiException;
import java.io.IOException;

/** RFC 7386 merge patches and RFC 6902 JSON patches, failing as kube-apiserver fails them. */
public final class Patches {
  private Patches() {}

  /** Lists are replaced whole and null deletes a key (V3, V3b, V3c). */
  public static ObjectNode merge(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      throw ApiException.badRequest("merge patch must be a JSON object");
    }
    try {
      JsonNode result = JsonMergePatch.fromJson(patch).apply(target);
      return asObject(result);
    } catch (JsonPatchException e) {
      throw ApiException.patchNotApplicable(e.getMessage());
    }
  }

  /** A failed {@code test} or a path that does not exist is 422 (R6, V5, V6). */
  public static ObjectNode json(ObjectNode target, JsonNode patch) {
    JsonPatch parsed;
    try {
      if (!patch.isArray()) {
        throw ApiException.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
      }
      parsed = JsonPatch.fromJson(patch);
    } catch (IOException e) {
      throw ApiException.badRequest("the JSON patch is malformed: " + e.getMessage());
    }
    try {
      return asObject(parsed.apply(target));
    } catch (JsonPatchException e) {
      throw ApiException.patchNotApplicable(e.getMessage());
    }
  }

  private static ObjectNode asObject(JsonNode result) {
    if (!(result instanceof ObjectNode object)) {
      throw ApiException.patchNotApplicable("the patched document is not an object");
    }
    return object;
  }
}
