package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Installs the suite's CustomResourceDefinitions through the API, the same way on the sandbox and on a
 * real cluster, and waits until every served version answers.
 */
public final class TestKinds {
  /** The manifests under src/test/resources/contract/. */
  public static final List<String> MANIFESTS =
      List.of("contract/rollout-crd.yaml", "contract/canary-crd.yaml", "contract/virtualservice-crd.yaml");

  private static final Duration SERVED_WITHIN = Duration.ofSeconds(30);

  private TestKinds() {}

  static void install(Wire wire) {
    for (String manifest : MANIFESTS) {
      for (ObjectNode crd : Json.yamlDocuments(resource(manifest))) {
        createOrReplace(wire, crd);
        awaitServed(wire, crd);
      }
    }
  }

  /** The text of a classpath resource, failing with its name when absent. */
  public static String resource(String name) {
    try (InputStream in = TestKinds.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createOrReplace(Wire wire, ObjectNode crd) {
    String name = crd.path("metadata").path("name").asText();
    Answer created = wire.post(Resource.CRDS.collection(""), crd);
    if (created.code() == 201) {
      return;
    }
    if (created.code() != 409) {
      throw new IllegalStateException("cannot install test CRD " + name + ": " + created);
    }
    Answer existing = wire.get(Resource.CRDS.path("", name));
    if (!crd.path("spec").path("group").asText().equals(Resource.GROUP)) {
      // a foreign kind someone installed for real (Istio's VirtualService): use theirs, never overwrite it
      return;
    }
    crd.withObjectProperty("metadata").put("resourceVersion", existing.resourceVersion());
    Answer replaced = wire.put(Resource.CRDS.path("", name), crd);
    if (replaced.code() != 200) {
      throw new IllegalStateException("cannot replace test CRD " + name + ": " + replaced);
    }
  }

  private static void awaitServed(Wire wire, ObjectNode crd) {
    JsonNode spec = crd.path("spec");
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean()) {
        continue;
      }
      String path =
          "/apis/" + spec.path("group").asText() + "/" + version.path("name").asText() + "/"
              + spec.path("names").path("plural").asText();
      Answer last = Poll.until(SERVED_WITHIN, () -> wire.get(path, "limit", "1"), a -> a.code() == 200);
      if (last.code() != 200) {
        throw new IllegalStateException("test CRD not served within " + SERVED_WITHIN + ": " + last);
      }
    }
  }
}
