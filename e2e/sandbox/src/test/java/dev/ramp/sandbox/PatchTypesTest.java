package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Strategic merge patch and server-side apply on built-in kinds (P1–P3, P5), as kubectl uses them. */
class PatchTypesTest {
  static Sandbox sandbox;
  static Http http;
  static final String CM = "/api/v1/namespaces/default/configmaps";

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void strategicMergePatchMergesMapsAndNamedLists() {
    http.post(CM, "{\"metadata\":{\"name\":\"p1\"},\"data\":{\"k\":\"v\"}}");
    var patched = http.patch(CM + "/p1", "application/strategic-merge-patch+json", "{\"data\":{\"b\":\"2\"}}");
    assertThat(patched.code()).isEqualTo(200);
    assertThat(patched.at("/data").toString()).isEqualTo("{\"k\":\"v\",\"b\":\"2\"}");

    http.post("/apis/apps/v1/namespaces/default/replicasets", """
        {"metadata":{"name":"p5"},"spec":{"replicas":0,"selector":{"matchLabels":{"app":"p5"}},
         "template":{"metadata":{"labels":{"app":"p5"}},"spec":{"containers":[
           {"name":"app","image":"nginx:1.25"},{"name":"sidecar","image":"envoy:1"}]}}}}""");
    var container = http.patch("/apis/apps/v1/namespaces/default/replicasets/p5", "application/strategic-merge-patch+json",
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.26\"}]}}}}");
    assertThat(container.code()).isEqualTo(200);
    JsonNode containers = container.at("/spec/template/spec/containers");
    assertThat(containers.size()).isEqualTo(2);
    assertThat(containers.get(0).at("/image").asText()).isEqualTo("nginx:1.26");
    assertThat(containers.get(1).at("/image").asText()).isEqualTo("envoy:1");
  }

  @Test
  void serverSideApplyTracksFieldManagers() {
    http.post(CM, "{\"metadata\":{\"name\":\"p2\"},\"data\":{\"k\":\"v\"}}");
    String config = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p2\"},\"data\":{\"b\":\"2\",\"x\":\"1\"}}";
    var applied = http.patch(CM + "/p2?fieldManager=fid-a&force=true", "application/apply-patch+yaml", config);
    assertThat(applied.code()).isEqualTo(200);
    assertThat(applied.at("/data").size()).isEqualTo(3);

    var conflict = http.patch(CM + "/p2?fieldManager=fid-b", "application/apply-patch+yaml",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p2\"},\"data\":{\"x\":\"2\"}}");
    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.reason()).isEqualTo("Conflict");
    assertThat(conflict.message()).isEqualTo("Apply failed with 1 conflict: conflict with \"fid-a\": .data.x");

    var forced = http.patch(CM + "/p2?fieldManager=fid-b&force=true", "application/apply-patch+yaml",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p2\"},\"data\":{\"x\":\"2\"}}");
    assertThat(forced.at("/data/x").asText()).isEqualTo("2");
  }
}
