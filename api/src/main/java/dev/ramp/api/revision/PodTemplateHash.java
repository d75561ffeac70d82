package dev.ramp.api.revision;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The name of a revision: a short hash of the pod template, the same in every JVM and across
 * restarts, so the ReplicaSet {@code <rollout>-<hash>} found after a restart is the one created before.
 *
 * <p>Hashing the canonical JSON (keys sorted) rather than Java's {@code hashCode} is what makes it
 * stable; the alphabet is Kubernetes' own for generated names (no vowels, so no words).
 *
 * <p>It lives in the API module because the plugin needs the controller's very function: {@code
 * kubectl ramp undo} checks that the template it restores names the revision it goes back to. The
 * hash is carried in the label {@link dev.ramp.api.RampMetadataKeys#POD_TEMPLATE_HASH}.
 */
public final class PodTemplateHash {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;
  // client-java's Gson, built once: building it costs more than hashing a template.
  private static final Gson GSON = new JSON().getGson();

  private PodTemplateHash() {}

  /**
   * The hash of a template. {@code collisionCount} (from the Rollout's status) changes the hash when a
   * ReplicaSet of that name exists with another template.
   */
  public static String of(V1PodTemplateSpec template, int collisionCount) {
    JsonElement tree = GSON.toJsonTree(template);
    String canonical = canonical(tree).toString();
    int hash = FNV_OFFSET;
    hash = fnv(hash, canonical.getBytes(StandardCharsets.UTF_8));
    if (collisionCount > 0) {
      hash = fnv(hash, Integer.toString(collisionCount).getBytes(StandardCharsets.UTF_8));
    }
    return safeEncode(Integer.toUnsignedString(hash));
  }

  private static int fnv(int hash, byte[] bytes) {
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return hash;
  }

  private static String safeEncode(String digits) {
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return out.toString();
  }

  private static JsonElement canonical(JsonElement element) {
    if (element.isJsonObject()) {
      Map<String, JsonElement> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
        if (!e.getValue().isJsonNull()) {
          sorted.put(e.getKey(), canonical(e.getValue()));
        }
      }
      JsonObject out = new JsonObject();
      sorted.forEach(out::add);
      return out;
    }
    if (element.isJsonArray()) {
      JsonArray out = new JsonArray();
      element.getAsJsonArray().forEach(e -> out.add(canonical(e)));
      return out;
    }
    return element;
  }
}
