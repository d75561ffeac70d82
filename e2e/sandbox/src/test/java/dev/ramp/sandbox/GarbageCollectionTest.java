package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Owner references, propagation policies and namespace deletion (O1–O5). */
class GarbageCollectionTest {
  static Sandbox sandbox;
  static Http http;
  static final String RO = "/apis/spike.example.com/v1/namespaces/default/rollouts";
  static final String CM = "/api/v1/namespaces/default/configmaps";

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    sandbox.apply(Path.of("src/test/resources/crds/rollout.yaml"));
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static String owner(String name) {
    return http.post(RO, "{\"apiVersion\":\"spike.example.com/v1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"" + name
        + "\"},\"spec\":{}}").at("/metadata/uid").asText();
  }

  static void child(String name, String ownerName, String ownerUid) {
    var response = http.post(CM, "{\"metadata\":{\"name\":\"" + name + "\",\"ownerReferences\":[{\"apiVersion\":"
        + "\"spike.example.com/v1\",\"kind\":\"Rollout\",\"name\":\"" + ownerName + "\",\"uid\":\"" + ownerUid + "\"}]}}");
    assertThat(response.code()).isEqualTo(201);
  }

  @Test
  void backgroundDeletionCollectsDependents() throws Exception {
    child("o1-child", "o1", owner("o1"));
    var deleted = http.delete(RO + "/o1");
    assertThat(deleted.at("/status").asText()).isEqualTo("Success");
    Conditions.await("the child is collected", () -> http.get(CM + "/o1-child").code() == 404);
  }

  @Test
  void foregroundDeletionDeletesDependentsFirst() throws Exception {
    child("o2-child", "o2", owner("o2"));
    var deleted = http.delete(RO + "/o2", "{\"propagationPolicy\":\"Foreground\"}");
    assertThat(deleted.at("/kind").asText()).isEqualTo("Rollout");
    assertThat(deleted.at("/metadata/finalizers/0").asText()).isEqualTo("foregroundDeletion");
    assertThat(deleted.at("/metadata/deletionTimestamp").isTextual()).isTrue();
    Conditions.await("owner and child are gone",
        () -> http.get(CM + "/o2-child").code() == 404 && http.get(RO + "/o2").code() == 404);
  }

  @Test
  void orphanDeletionKeepsDependentsWithoutTheReference() throws Exception {
    child("o3-child", "o3", owner("o3"));
    var deleted = http.delete(RO + "/o3?propagationPolicy=Orphan");
    assertThat(deleted.at("/metadata/finalizers/0").asText()).isEqualTo("orphan");
    Conditions.await("the owner is gone", () -> http.get(RO + "/o3").code() == 404);
    JsonNode orphan = http.get(CM + "/o3-child").body();
    assertThat(orphan.at("/metadata/ownerReferences").isMissingNode()).isTrue();
  }

  @Test
  void danglingOwnerReferenceIsCollected() throws Exception {
    child("o4-child", "ghost", "6a1c5a3e-0000-4000-8000-000000000000");
    Conditions.await("the child is collected", () -> http.get(CM + "/o4-child").code() == 404);
  }

  @Test
  void deletingANamespaceTerminatesItThenRemovesItAndItsContent() throws Exception {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"doomed\"}}");
    http.post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"content\"}}");
    var deleted = http.delete("/api/v1/namespaces/doomed");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.at("/status/phase").asText()).isEqualTo("Terminating");
    Conditions.await("the namespace is gone", () -> http.get("/api/v1/namespaces/doomed").code() == 404);
    assertThat(http.get("/api/v1/namespaces/doomed/configmaps/content").code()).isEqualTo(404);
  }

  @Test
  void systemNamespacesCannotBeDeleted() {
    var refused = http.delete("/api/v1/namespaces/default");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.message()).isEqualTo("namespaces \"default\" is forbidden: this namespace may not be deleted");
  }

  @Test
  void aTerminatingNamespaceRefusesNewContent() {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"closing\"}}");
    http.post(RO.replace("default", "closing"), "{\"apiVersion\":\"spike.example.com/v1\",\"kind\":\"Rollout\","
        + "\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}");
    http.delete("/api/v1/namespaces/closing");
    var refused = http.post("/api/v1/namespaces/closing/configmaps", "{\"metadata\":{\"name\":\"late\"}}");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.message()).isEqualTo("configmaps \"late\" is forbidden: unable to create new content in namespace "
        + "closing because it is being terminated");
  }
}
