package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** metadata.generation (G1–G10) and the status subresource (S1–S6). */
class GenerationAndStatusTest {
  static Sandbox sandbox;
  static Http http;
  static final String RO = "/apis/spike.example.com/v1/namespaces/default/rollouts";
  static final String VS = "/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices";

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    sandbox.apply(Path.of("src/test/resources/crds/rollout.yaml"));
    sandbox.apply(Path.of("src/test/resources/crds/virtualservice.yaml"));
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static JsonNode create(String name) {
    return http.post(RO, "{\"apiVersion\":\"spike.example.com/v1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"" + name
        + "\"},\"spec\":{\"image\":\"app:1\",\"canaryWeight\":1},\"status\":{\"phase\":\"Ignored\"}}").body();
  }

  @Test
  void generationFollowsSpecChangesOnly() {
    JsonNode created = create("gen");
    assertThat(created.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(created.has("status")).as("S1: status dropped on create").isFalse();
    assertThat(created.at("/spec").toString()).as("custom resources come back with sorted keys")
        .isEqualTo("{\"canaryWeight\":1,\"image\":\"app:1\"}");

    var spec = http.merge(RO + "/gen", "{\"spec\":{\"canaryWeight\":2}}");
    assertThat(spec.code()).isEqualTo(200);
    assertThat(spec.at("/metadata/generation").asLong()).isEqualTo(2);

    ObjectNode withStatus = (ObjectNode) spec.body().deepCopy();
    withStatus.putObject("status").put("phase", "Progressing").put("observedGeneration", 2);
    var status = http.put(RO + "/gen/status", withStatus.toString());
    assertThat(status.at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(status.at("/status/phase").asText()).isEqualTo("Progressing");

    String rv = status.at("/metadata/resourceVersion").asText();
    var labels = http.merge(RO + "/gen", "{\"metadata\":{\"labels\":{\"a\":\"b\"},\"annotations\":{\"c\":\"d\"}}}");
    assertThat(labels.at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(labels.at("/metadata/resourceVersion").asText()).isNotEqualTo(rv);

    ObjectNode statusOnMain = (ObjectNode) labels.body().deepCopy();
    ((ObjectNode) statusOnMain.get("status")).put("phase", "Healthy");
    var ignored = http.put(RO + "/gen", statusOnMain.toString());
    assertThat(ignored.at("/status/phase").asText()).as("G5").isEqualTo("Progressing");
    assertThat(ignored.at("/metadata/resourceVersion").asText()).as("G5/G6: no-op keeps rv")
        .isEqualTo(labels.at("/metadata/resourceVersion").asText());

    var specAgain = http.merge(RO + "/gen", "{\"spec\":{\"canaryWeight\":3}}");
    assertThat(specAgain.at("/metadata/generation").asLong()).isEqualTo(3);
    assertThat(specAgain.at("/status/observedGeneration").asLong()).as("G7: stale").isEqualTo(2);
  }

  @Test
  void finalizersHoldADeletedObjectAndBumpItsGeneration() {
    create("fin");
    http.merge(RO + "/fin", "{\"metadata\":{\"finalizers\":[\"fidelity.example.com/cleanup\"]}}");
    var deleted = http.delete(RO + "/fin");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.at("/kind").asText()).isEqualTo("Rollout");
    JsonNode held = http.get(RO + "/fin").body();
    assertThat(held.at("/metadata/deletionTimestamp").isTextual()).isTrue();
    assertThat(held.at("/metadata/generation").asLong()).as("G8").isEqualTo(2);

    var added = http.merge(RO + "/fin",
        "{\"metadata\":{\"finalizers\":[\"fidelity.example.com/cleanup\",\"fidelity.example.com/another\"]}}");
    assertThat(added.code()).isEqualTo(422);
    assertThat(added.message()).isEqualTo("Rollout.spike.example.com \"fin\" is invalid: metadata.finalizers: Forbidden: "
        + "no new finalizers can be added if the object is being deleted, found new finalizers "
        + "[]string{\"fidelity.example.com/another\"}");

    var spec = http.merge(RO + "/fin", "{\"spec\":{\"canaryWeight\":7}}");
    assertThat(spec.at("/metadata/generation").asLong()).as("G8c").isEqualTo(3);

    var released = http.merge(RO + "/fin", "{\"metadata\":{\"finalizers\":null}}");
    assertThat(released.code()).isEqualTo(200);
    assertThat(released.at("/kind").asText()).isEqualTo("Rollout");
    assertThat(http.get(RO + "/fin").code()).as("G8d").isEqualTo(404);
  }

  @Test
  void withoutStatusSubresourceStatusIsPartOfTheObject() {
    http.post(VS, "{\"apiVersion\":\"networking.istio.io/v1beta1\",\"kind\":\"VirtualService\",\"metadata\":{\"name\":\"g9\"},"
        + "\"spec\":{\"hosts\":[\"web\"]}}");
    var patched = http.merge(VS + "/g9", "{\"status\":{\"x\":\"y\"}}");
    assertThat(patched.at("/metadata/generation").asLong()).as("G9").isEqualTo(2);
    assertThat(patched.at("/status/x").asText()).isEqualTo("y");
    var status = http.merge(VS + "/g9/status", "{\"status\":{\"x\":\"z\"}}");
    assertThat(status.code()).as("S5").isEqualTo(404);
    assertThat(status.message()).isEqualTo("virtualservices.networking.istio.io \"g9\" not found");
  }

  @Test
  void configMapsHaveNoGeneration() {
    var created = http.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"g10\"},\"data\":{\"a\":\"1\"}}");
    assertThat(created.body().at("/metadata").has("generation")).isFalse();
    var updated = http.merge("/api/v1/namespaces/default/configmaps/g10", "{\"data\":{\"a\":\"2\"}}");
    assertThat(updated.body().at("/metadata").has("generation")).isFalse();
  }

  @Test
  void statusAndMainResourceIgnoreEachOther() {
    create("st");
    var main = http.merge(RO + "/st", "{\"spec\":{\"canaryWeight\":2},\"status\":{\"phase\":\"Progressing\"}}");
    assertThat(main.at("/spec/canaryWeight").asInt()).isEqualTo(2);
    assertThat(main.body().has("status")).as("status written through the main resource is ignored").isFalse();

    JsonNode current = http.get(RO + "/st").body();
    ObjectNode statusPut = (ObjectNode) current.deepCopy();
    statusPut.putObject("status").put("phase", "Healthy");
    ((ObjectNode) statusPut.get("spec")).put("image", "app:2");
    ((ObjectNode) statusPut.get("metadata")).putObject("labels").put("x", "y");
    var status = http.put(RO + "/st/status", statusPut.toString());
    assertThat(status.at("/status/phase").asText()).isEqualTo("Healthy");
    assertThat(status.at("/spec/image").asText()).as("S3").isEqualTo("app:1");
    assertThat(status.at("/metadata/labels").isMissingNode()).isTrue();

    var statusMerge = http.merge(RO + "/st/status", "{\"spec\":{\"image\":\"app:3\"},\"status\":{\"phase\":\"Degraded\"}}");
    assertThat(statusMerge.at("/status/phase").asText()).isEqualTo("Degraded");
    assertThat(statusMerge.at("/spec/image").asText()).as("S4").isEqualTo("app:1");

    var get = http.get(RO + "/st/status");
    assertThat(get.body().has("spec")).as("S6").isTrue();
  }
}
