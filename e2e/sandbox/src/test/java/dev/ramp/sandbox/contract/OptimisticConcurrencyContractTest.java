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
import dev.ramp.sandbox.contract.harness.Manifests;
import dev.ramp.sandbox.contract.harness.PatchType;
import dev.ramp.sandbox.contract.harness.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Rows R*: resourceVersion across writes, 409 on stale versions, preconditions, unconditional PUT. */
class OptimisticConcurrencyContractTest {
  private static final Resource R = Resource.ROLLOUTS;
  private static final String REJECTED = "the server rejected our request due to an error in our request";

  /** A Rollout and the resourceVersion it had before a later write: {stale, current object}. */
  private record Stale(String staleVersion, Answer current) {}

  private static Stale staleScene(Contract c, String name) {
    Answer created = c.created(R, rollout(name));
    Answer current = c.merge(R, name, "{'spec':{'canaryWeight':1}}");
    return new Stale(created.resourceVersion(), current);
  }

  @ContractTest
  @DisplayName("R1: resourceVersions of writes to different objects and kinds increase strictly; a later LIST is at least the last")
  void r1(Contract c) {
    List<Answer> writes = new ArrayList<>();
    writes.add(c.created(Resource.CONFIG_MAPS, configMap("r1-cm")));
    writes.add(c.created(R, rollout("r1-a")));
    writes.add(c.merge(Resource.CONFIG_MAPS, "r1-cm", "{'data':{'k':'w'}}"));
    writes.add(c.created(Resource.CANARIES, Manifests.canary("r1-c", "canary", 10)));
    writes.add(c.merge(R, "r1-a", "{'spec':{'canaryWeight':3}}"));
    List<Long> versions = writes.stream().map(a -> Long.parseLong(a.resourceVersion())).toList();
    assertThat(versions).as("resourceVersions %s", versions).isSorted().doesNotHaveDuplicates();
    long listVersion = Long.parseLong(c.list(R).text("/metadata/resourceVersion"));
    assertThat(listVersion).isGreaterThanOrEqualTo(versions.get(versions.size() - 1));
  }

  @ContractTest
  @DisplayName("R2: PUT with a stale resourceVersion is 409 Conflict")
  void r2(Contract c) {
    Stale scene = staleScene(c, "r2");
    ObjectNode body = (ObjectNode) scene.current().json();
    body.withObjectProperty("metadata").put("resourceVersion", scene.staleVersion());
    body.withObjectProperty("spec").put("canaryWeight", 9);
    Expect.conflictModified(c.put(R, "r2", body), R, "r2");
  }

  @ContractTest
  @DisplayName("R3: PUT /status with a stale resourceVersion is 409 Conflict")
  void r3(Contract c) {
    Stale scene = staleScene(c, "r3");
    ObjectNode body = (ObjectNode) scene.current().json();
    body.withObjectProperty("metadata").put("resourceVersion", scene.staleVersion());
    body.putObject("status").put("phase", "Healthy");
    Expect.conflictModified(c.putStatus(R, "r3", body), R, "r3");
  }

  @ContractTest
  @DisplayName("R4: a merge patch carrying a stale metadata.resourceVersion is 409 Conflict")
  void r4(Contract c) {
    Stale scene = staleScene(c, "r4");
    Answer answer =
        c.merge(R, "r4", "{'metadata':{'resourceVersion':'" + scene.staleVersion() + "'},'spec':{'canaryWeight':2}}");
    Expect.conflictModified(answer, R, "r4");
  }

  @ContractTest
  @DisplayName("R5: a merge patch of /status carrying a stale metadata.resourceVersion is 409 Conflict")
  void r5(Contract c) {
    Stale scene = staleScene(c, "r5");
    Answer answer =
        c.mergeStatus(R, "r5", "{'metadata':{'resourceVersion':'" + scene.staleVersion() + "'},'status':{'phase':'x'}}");
    Expect.conflictModified(answer, R, "r5");
  }

  @ContractTest
  @DisplayName("R6: a JSON patch whose test of a stale resourceVersion fails is 422 Invalid")
  void r6(Contract c) {
    Stale scene = staleScene(c, "r6");
    String patch =
        """
        [{"op":"test","path":"/metadata/resourceVersion","value":"%s"},
         {"op":"replace","path":"/spec/canaryWeight","value":3}]"""
            .formatted(scene.staleVersion());
    Expect.failure(c.patch(R, "r6", PatchType.JSON, patch), 422, "Invalid", REJECTED);
    assertThat(c.get(R, "r6").at("/spec/canaryWeight").asInt()).isEqualTo(1);
  }

  @ContractTest
  @DisplayName("R7: a JSON patch testing the current resourceVersion applies (200)")
  void r7(Contract c) {
    Stale scene = staleScene(c, "r7");
    String patch =
        """
        [{"op":"test","path":"/metadata/resourceVersion","value":"%s"},
         {"op":"replace","path":"/spec/canaryWeight","value":3}]"""
            .formatted(scene.current().resourceVersion());
    Answer answer = c.patch(R, "r7", PatchType.JSON, patch);
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.at("/spec/canaryWeight").asInt()).isEqualTo(3);
  }

  @ContractTest
  @DisplayName("R8: a JSON patch replacing metadata.resourceVersion with a stale value is 409 Conflict")
  void r8(Contract c) {
    Stale scene = staleScene(c, "r8");
    String patch =
        """
        [{"op":"replace","path":"/metadata/resourceVersion","value":"%s"},
         {"op":"replace","path":"/spec/canaryWeight","value":3}]"""
            .formatted(scene.staleVersion());
    Expect.conflictModified(c.patch(R, "r8", PatchType.JSON, patch), R, "r8");
  }

  @ContractTest
  @DisplayName("R9: PUT of a custom resource without resourceVersion is 422")
  void r9(Contract c) {
    c.created(R, rollout("r9"));
    ObjectNode body = rollout("r9");
    body.withObjectProperty("spec").put("canaryWeight", 7);
    Expect.failure(
        c.put(R, "r9", body),
        422,
        "Invalid",
        "rollouts.contract.ramp.dev \"r9\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be"
            + " specified for an update");
  }

  @ContractTest
  @DisplayName("R9b: PUT of a ConfigMap without resourceVersion is an unconditional update (200)")
  void r9b(Contract c) {
    c.created(Resource.CONFIG_MAPS, configMap("r9b"));
    ObjectNode body = configMap("r9b");
    body.withObjectProperty("data").put("k", "unconditional");
    Answer answer = c.put(Resource.CONFIG_MAPS, "r9b", body);
    Expect.ok(answer, 200, "ConfigMap");
    assertThat(answer.text("/data/k")).isEqualTo("unconditional");
  }

  @ContractTest
  @DisplayName("R10: DELETE with a stale preconditions.resourceVersion is 409 Conflict; the object stays")
  void r10(Contract c) {
    Stale scene = staleScene(c, "r10");
    ObjectNode options =
        Json.object("{'kind':'DeleteOptions','apiVersion':'v1','preconditions':{'resourceVersion':'" + scene.staleVersion() + "'}}");
    Expect.failure(
        c.delete(R, "r10", options),
        409,
        "Conflict",
        "Operation cannot be fulfilled on Rollout.contract.ramp.dev \"r10\": the ResourceVersion in the precondition ("
            + scene.staleVersion() + ") does not match the ResourceVersion in record ("
            + scene.current().resourceVersion() + "). The object might have been modified");
    assertThat(c.get(R, "r10").code()).isEqualTo(200);
  }

  @ContractTest
  @DisplayName("R11: DELETE with preconditions.uid of another object is 409 Conflict; the object stays")
  void r11(Contract c) {
    Answer created = c.created(R, rollout("r11"));
    String otherUid = "00000000-1111-2222-3333-444444444444";
    ObjectNode options = Json.object("{'kind':'DeleteOptions','apiVersion':'v1','preconditions':{'uid':'" + otherUid + "'}}");
    Expect.failure(
        c.delete(R, "r11", options),
        409,
        "Conflict",
        "Operation cannot be fulfilled on Rollout.contract.ramp.dev \"r11\": the UID in the precondition (" + otherUid
            + ") does not match the UID in record (" + created.text("/metadata/uid")
            + "). The object might have been deleted and then recreated");
    assertThat(c.get(R, "r11").code()).isEqualTo(200);
  }

  @ContractTest
  @DisplayName("R12: creating an object that already exists is 409 AlreadyExists")
  void r12(Contract c) {
    c.created(R, rollout("rv-dup"));
    Expect.failure(
        c.create(R, rollout("rv-dup")), 409, "AlreadyExists", "rollouts.contract.ramp.dev \"rv-dup\" already exists");
  }
}
