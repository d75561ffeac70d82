package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.configMap;
import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.KnownDifference;
import dev.ramp.sandbox.contract.harness.Manifests;
import dev.ramp.sandbox.contract.harness.PatchType;
import dev.ramp.sandbox.contract.harness.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Rows P*: strategic merge patch (built-in kinds only; 415 on custom resources) and server-side apply with
 * field managers and conflicts.
 */
class PatchTypesContractTest {
  private static final Resource CM = Resource.CONFIG_MAPS;

  private static String applyConfigMap(String name, String key, String value) {
    return """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s"},"data":{"%s":"%s"}}"""
        .formatted(name, key, value);
  }

  @ContractTest
  @DisplayName("P1: a strategic merge patch on a ConfigMap merges data (200)")
  void p1(Contract c) {
    c.created(CM, configMap("p1"));
    Answer answer = c.patch(CM, "p1", PatchType.STRATEGIC, "{\"data\":{\"b\":\"2\"}}");
    Expect.ok(answer, 200, "ConfigMap");
    assertThat(answer.at("/data")).isEqualTo(Json.object("{'b':'2','k':'v'}"));
  }

  @ContractTest
  @DisplayName("P2: server-side apply on a ConfigMap (fieldManager, force) adds its field and keeps the others (200)")
  void p2(Contract c) {
    ObjectNode object = configMap("p2");
    object.withObjectProperty("data").put("b", "2");
    c.created(CM, object);
    Answer answer =
        c.patch(CM, "p2", PatchType.APPLY, applyConfigMap("p2", "x", "1"), "fieldManager", "contract-a", "force", "true");
    Expect.ok(answer, 200, "ConfigMap");
    assertThat(answer.at("/data")).isEqualTo(Json.object("{'b':'2','k':'v','x':'1'}"));
  }

  @ContractTest
  @DisplayName("P3: server-side apply by a second manager on the same field without force is 409 Conflict")
  void p3(Contract c) {
    c.created(CM, configMap("p3"));
    c.patch(CM, "p3", PatchType.APPLY, applyConfigMap("p3", "x", "1"), "fieldManager", "contract-a", "force", "true");
    Answer answer = c.patch(CM, "p3", PatchType.APPLY, applyConfigMap("p3", "x", "2"), "fieldManager", "contract-b");
    Expect.failure(answer, 409, "Conflict", "Apply failed with 1 conflict: conflict with \"contract-a\": .data.x");
  }

  @ContractTest
  @DisplayName("P4: a strategic merge patch on a custom resource is 415 UnsupportedMediaType")
  void p4(Contract c) {
    c.created(Resource.ROLLOUTS, rollout("p4"));
    Answer answer = c.patch(Resource.ROLLOUTS, "p4", PatchType.STRATEGIC, "{\"spec\":{\"canaryWeight\":5}}");
    Expect.failure(answer, 415, "UnsupportedMediaType", ForeignCrdContractTest.UNSUPPORTED_PATCH);
  }

  @ContractTest
  @DisplayName("P5: a strategic merge patch of one container (by name) in a ReplicaSet template merges by name (200)")
  void p5(Contract c) {
    ObjectNode rs = Manifests.replicaSet("p5", "p5", "h1", 0, "nginx:1.25");
    ((ObjectNode) rs.at("/spec/template/spec")).withArray("containers").addObject().put("name", "sidecar").put("image", "busybox:1");
    c.created(Resource.REPLICA_SETS, rs);
    Answer answer =
        c.patch(
            Resource.REPLICA_SETS,
            "p5",
            PatchType.STRATEGIC,
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.26\"}]}}}}");
    Expect.ok(answer, 200, "ReplicaSet");
    assertThat(answer.at("/spec/template/spec/containers")).hasSize(2);
    assertThat(answer.text("/spec/template/spec/containers/0/name")).isEqualTo("app");
    assertThat(answer.text("/spec/template/spec/containers/0/image")).isEqualTo("nginx:1.26");
  }

  @ContractTest
  @DisplayName("P6: server-side apply on a custom resource (Canary) answers 200")
  void p6(Contract c) {
    c.created(Resource.CANARIES, Manifests.canary("p6", "canary", 10));
    String apply =
        """
        {"apiVersion":"contract.ramp.dev/v1","kind":"Canary","metadata":{"name":"p6"},
         "spec":{"strategy":"canary","stepWeight":20}}""";
    Answer answer = c.patch(Resource.CANARIES, "p6", PatchType.APPLY, apply, "fieldManager", "contract-a", "force", "true");
    Expect.ok(answer, 200, "Canary");
    assertThat(answer.at("/spec/stepWeight").asInt()).isEqualTo(20);
  }

  @ContractTest
  @DisplayName("P7: metadata.managedFields after create and apply name both managers: the applier (Apply) and the client (Update)")
  void p7(Contract c) {
    c.created(CM, configMap("p7"));
    Answer applied =
        c.patch(CM, "p7", PatchType.APPLY, applyConfigMap("p7", "x", "1"), "fieldManager", "contract-a", "force", "true");
    List<String> managers = new ArrayList<>();
    c.get(CM, "p7")
        .at("/metadata/managedFields")
        .forEach(entry -> managers.add(entry.path("manager").asText() + "/" + entry.path("operation").asText()));
    Expect.ok(applied, 200, "ConfigMap");
    if (c.sandboxDiffersOn(KnownDifference.NO_MANAGED_FIELDS)) {
      assertThat(managers).isEmpty();
      return;
    }
    assertThat(managers).containsExactlyInAnyOrder("contract-a/Apply", "Kubernetes Java Client/Update");
  }
}
