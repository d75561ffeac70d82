package dev.ramp.cli.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;

/**
 * Takes out of a pod template what kube-apiserver filled in when it stored a ReplicaSet
 * (SetDefaults_PodSpec and SetDefaults_Container: restartPolicy, dnsPolicy, imagePullPolicy, probe
 * timings...). A Rollout's own template carries none of them, and the controller names a revision
 * by the hash of the Rollout's template: only without them does an undo give back the very
 * template, and so the very revision, it was. A default a person wrote out in the original is taken
 * out too; the pods are the same, the revision then is a new one ({@link UndoDecision} hashes the
 * result to find out, and says so).
 */
public final class ServerDefaults {
  private ServerDefaults() {}

  private static final Map<String, JsonElement> POD = Map.of(
      "restartPolicy", new JsonPrimitive("Always"),
      "terminationGracePeriodSeconds", new JsonPrimitive(30),
      "dnsPolicy", new JsonPrimitive("ClusterFirst"),
      "securityContext", new JsonObject(),
      "schedulerName", new JsonPrimitive("default-scheduler"));
  private static final Map<String, JsonElement> CONTAINER = Map.of(
      "terminationMessagePath", new JsonPrimitive("/dev/termination-log"),
      "terminationMessagePolicy", new JsonPrimitive("File"),
      "resources", new JsonObject());
  private static final Map<String, JsonElement> PROBE = Map.of(
      "timeoutSeconds", new JsonPrimitive(1),
      "periodSeconds", new JsonPrimitive(10),
      "successThreshold", new JsonPrimitive(1),
      "failureThreshold", new JsonPrimitive(3));
  private static final Map<String, JsonElement> HTTP_GET = Map.of(
      "path", new JsonPrimitive("/"),
      "scheme", new JsonPrimitive("HTTP"));

  /** A copy of the template without the values the server defaulted. */
  public static JsonObject strip(JsonObject template) {
    JsonObject copy = template.deepCopy();
    Json.object(copy, "metadata").ifPresent(metadata -> {
      JsonElement created = metadata.get("creationTimestamp");
      if (created != null && created.isJsonNull()) {
        metadata.remove("creationTimestamp");
      }
    });
    Json.object(copy, "spec").ifPresent(spec -> {
      removeDefaults(spec, POD);
      for (String list : List.of("initContainers", "containers")) {
        Json.at(spec, list).filter(JsonElement::isJsonArray).ifPresent(containers -> {
          for (JsonElement c : containers.getAsJsonArray()) {
            if (c.isJsonObject()) {
              container(c.getAsJsonObject());
            }
          }
        });
      }
    });
    return copy;
  }

  private static void container(JsonObject container) {
    removeDefaults(container, CONTAINER);
    String image = Json.string(container, "image").orElse("");
    removeDefaults(container, Map.of("imagePullPolicy", new JsonPrimitive(pullPolicy(image))));
    Json.at(container, "ports").filter(JsonElement::isJsonArray).ifPresent(ports -> {
      for (JsonElement port : ports.getAsJsonArray()) {
        if (port.isJsonObject()) {
          removeDefaults(port.getAsJsonObject(), Map.of("protocol", new JsonPrimitive("TCP")));
        }
      }
    });
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      Json.object(container, probe).ifPresent(p -> {
        removeDefaults(p, PROBE);
        Json.object(p, "httpGet").ifPresent(get -> removeDefaults(get, HTTP_GET));
      });
    }
  }

  /** The server's default: Always for {@code :latest} or no tag, IfNotPresent otherwise. */
  static String pullPolicy(String image) {
    if (image.contains("@")) {
      return "IfNotPresent";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return "Always";
    }
    return image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
  }

  private static void removeDefaults(JsonObject object, Map<String, JsonElement> defaults) {
    defaults.forEach((field, value) -> {
      if (value.equals(object.get(field))) {
        object.remove(field);
      }
    });
  }
}
