package dev.ramp.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ramp.api.RampKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Ramp's CustomResourceDefinitions as shipped in this jar (under {@code crds/}, copied from the
 * repository's {@code crds/}): the YAML to apply to a server, and the schema to validate against.
 * Apply them from this YAML, not through client-java's typed CRD model (a real server rejects
 * what it sends).
 */
public final class Crds {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<RampKind, ObjectNode> CACHE = new EnumMap<>(RampKind.class);

  private Crds() {}

  /** The CRD's YAML text, as in {@code crds/}. */
  public static String yaml(RampKind kind) {
    try (InputStream in = open(kind)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CRD of " + kind.kind(), e);
    }
  }

  /** The CRD as a JSON tree (a fresh copy each call: callers may change it). */
  public static ObjectNode crd(RampKind kind) {
    synchronized (CACHE) {
      return CACHE.computeIfAbsent(kind, Crds::load).deepCopy();
    }
  }

  /** The {@code openAPIV3Schema} of the CRD's one version, {@code v1alpha1}. */
  public static ObjectNode openApiV3Schema(RampKind kind) {
    JsonNode versions = crd(kind).path("spec").path("versions");
    for (JsonNode version : versions) {
      if (version.path("name").asText().equals(kind.version())) {
        return (ObjectNode) version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException("the CRD of " + kind.kind() + " has no version " + kind.version());
  }

  private static ObjectNode load(RampKind kind) {
    try (InputStream in = open(kind)) {
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CRD of " + kind.kind(), e);
    }
  }

  private static InputStream open(RampKind kind) {
    String resource = "crds/" + kind.crdFile();
    InputStream in = Crds.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the classpath (ramp-api ships it from crds/)");
    }
    return in;
  }
}
