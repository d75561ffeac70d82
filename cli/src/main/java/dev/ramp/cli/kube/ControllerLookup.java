package dev.ramp.cli.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ramp.cli.CliException;
import dev.ramp.cli.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Ramp controller's Deployment (label {@code app.kubernetes.io/name=ramp}) and reads its
 * version: label {@code app.kubernetes.io/version}, else the tag of its image. Cluster-wide first;
 * where the user may not list Deployments everywhere, in {@code ramp-system} and their namespace.
 */
public final class ControllerLookup {
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  public static final String VERSION_LABEL = "app.kubernetes.io/version";
  static final String SELECTOR = NAME_LABEL + "=ramp";

  private final Cluster cluster;

  public ControllerLookup(Cluster cluster) {
    this.cluster = cluster;
  }

  /** {@code 0.1.0 (deployment ramp-system/ramp)}, or why it is unknown. */
  public String describe(String namespace) {
    List<JsonObject> found;
    try {
      found = cluster.items(ResourceRef.deployments(Optional.empty()), Map.of("labelSelector", SELECTOR));
    } catch (CliException everywhere) {
      if (!everywhere.getMessage().startsWith("forbidden")) {
        return "unknown (" + everywhere.getMessage() + ")";
      }
      found = new ArrayList<>();
      Set<String> namespaces = new LinkedHashSet<>(List.of("ramp-system", namespace));
      for (String ns : namespaces) {
        try {
          found.addAll(cluster.items(ResourceRef.deployments(Optional.of(ns)), Map.of("labelSelector", SELECTOR)));
        } catch (CliException e) {
          // not allowed there either: try the next
        }
      }
    }
    if (found.isEmpty()) {
      return "unknown (no Deployment labelled " + SELECTOR + " found)";
    }
    JsonObject deployment = found.get(0);
    return version(deployment).orElse("unknown") + " (deployment "
        + Json.string(deployment, "metadata", "namespace").orElse("?") + "/"
        + Json.string(deployment, "metadata", "name").orElse("?") + ")";
  }

  /** The version a controller Deployment declares: its version label, else its first image's tag. */
  public static Optional<String> version(JsonObject deployment) {
    Optional<String> label = Json.string(deployment, "metadata", "labels", VERSION_LABEL).filter(v -> !v.isBlank());
    if (label.isPresent()) {
      return label;
    }
    Optional<JsonElement> containers = Json.at(deployment, "spec", "template", "spec", "containers")
        .filter(JsonElement::isJsonArray);
    if (containers.isEmpty() || containers.get().getAsJsonArray().isEmpty()) {
      return Optional.empty();
    }
    JsonElement first = containers.get().getAsJsonArray().get(0);
    return first.isJsonObject() ? Json.string(first.getAsJsonObject(), "image").flatMap(ControllerLookup::tag)
        : Optional.empty();
  }

  /** {@code ghcr.io/ramp-dev/ramp:0.3.1} → {@code 0.3.1}; a digest or no tag → empty. */
  static Optional<String> tag(String image) {
    String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    if (colon > slash && colon < withoutDigest.length() - 1) {
      return Optional.of(withoutDigest.substring(colon + 1));
    }
    return Optional.empty();
  }
}
