package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.configMap;
import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static dev.ramp.sandbox.contract.harness.Manifests.virtualService;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.Resource;
import org.junit.jupiter.api.DisplayName;

/** Rows G*: when metadata.generation moves, the observedGeneration pattern, deletion with finalizers. */
class GenerationContractTest {
  private static final Resource R = Resource.ROLLOUTS;
  private static final String CLEANUP = "contract.ramp.dev/cleanup";

  @ContractTest
  @DisplayName("G1: a new custom resource has generation 1")
  void g1(Contract c) {
    Answer answer = c.create(R, rollout("g1"));
    Expect.ok(answer, 201, "Rollout");
    assertThat(answer.generation()).isEqualTo(1);
  }

  @ContractTest
  @DisplayName("G2: a merge patch of spec answers 200 and moves generation to 2")
  void g2(Contract c) {
    c.created(R, rollout("g2"));
    Answer answer = c.merge(R, "g2", "{'spec':{'canaryWeight':10}}");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.generation()).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("G3: PUT /status changing only status leaves generation alone")
  void g3(Contract c) {
    c.created(R, rollout("g3"));
    ObjectNode current = (ObjectNode) c.get(R, "g3").json();
    current.putObject("status").put("phase", "Progressing");
    Answer answer = c.putStatus(R, "g3", current);
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.generation()).isEqualTo(1);
    assertThat(answer.text("/status/phase")).isEqualTo("Progressing");
  }

  @ContractTest
  @DisplayName("G4: a merge patch of labels and annotations only changes resourceVersion, not generation")
  void g4(Contract c) {
    Answer before = c.created(R, rollout("g4"));
    Answer answer = c.merge(R, "g4", "{'metadata':{'labels':{'team':'a'},'annotations':{'note':'x'}}}");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.generation()).isEqualTo(1);
    assertThat(answer.resourceVersion()).isNotEqualTo(before.resourceVersion());
  }

  @ContractTest
  @DisplayName("G5: PUT of the main resource changing only status is a no-op: status, generation and resourceVersion stay")
  void g5(Contract c) {
    c.created(R, rollout("g5"));
    Answer progressing = c.mergeStatus(R, "g5", "{'status':{'phase':'Progressing'}}");
    Expect.ok(progressing, 200, "Rollout");
    ObjectNode current = (ObjectNode) progressing.json();
    current.withObjectProperty("status").put("phase", "Healthy");
    Answer answer = c.put(R, "g5", current);
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.generation()).isEqualTo(progressing.generation());
    assertThat(answer.text("/status/phase")).isEqualTo("Progressing");
    assertThat(answer.resourceVersion()).isEqualTo(progressing.resourceVersion());
  }

  @ContractTest
  @DisplayName("G6: a PUT of the unchanged object keeps resourceVersion and generation")
  void g6(Contract c) {
    c.created(R, rollout("g6"));
    Answer patched = c.merge(R, "g6", "{'spec':{'canaryWeight':5}}");
    Answer answer = c.put(R, "g6", patched.json());
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.resourceVersion()).isEqualTo(patched.resourceVersion());
    assertThat(answer.generation()).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("G7: observedGeneration written to status goes stale on a spec change until the next status write")
  void g7(Contract c) {
    c.created(R, rollout("g7"));
    c.merge(R, "g7", "{'spec':{'canaryWeight':10}}");
    Answer first = c.mergeStatus(R, "g7", "{'status':{'observedGeneration':2}}");
    assertThat(first.generation()).isEqualTo(2);
    assertThat(first.at("/status/observedGeneration").asLong()).isEqualTo(2);

    Answer changed = c.merge(R, "g7", "{'spec':{'canaryWeight':20}}");
    assertThat(changed.generation()).isEqualTo(3);
    assertThat(changed.at("/status/observedGeneration").asLong()).isEqualTo(2);

    Answer second = c.mergeStatus(R, "g7", "{'status':{'observedGeneration':3}}");
    assertThat(second.generation()).isEqualTo(3);
    assertThat(second.at("/status/observedGeneration").asLong()).isEqualTo(3);
  }

  /** A Rollout with a finalizer at generation 3, then DELETEd: the scene of G8*. */
  private static Answer deleting(Contract c, String name) {
    ObjectNode object = rollout(name);
    object.withObjectProperty("metadata").putArray("finalizers").add(CLEANUP);
    c.created(R, object);
    c.merge(R, name, "{'spec':{'canaryWeight':1}}");
    c.merge(R, name, "{'spec':{'canaryWeight':2}}");
    return c.delete(R, name);
  }

  @ContractTest
  @DisplayName("G8: DELETE of an object with a finalizer answers 200 with the object; it stays, deletionTimestamp set, generation +1")
  void g8(Contract c) {
    Answer deleted = deleting(c, "g8");
    Expect.ok(deleted, 200, "Rollout");
    assertThat(deleted.text("/metadata/deletionTimestamp")).isNotEmpty();

    Answer after = c.get(R, "g8");
    Expect.ok(after, 200, "Rollout");
    assertThat(after.text("/metadata/deletionTimestamp")).isNotEmpty();
    assertThat(after.generation()).isEqualTo(4);
    c.merge(R, "g8", "{'metadata':{'finalizers':null}}");
  }

  @ContractTest
  @DisplayName("G8b: adding a finalizer to an object being deleted is 422 Invalid; the finalizers stay as they were")
  void g8b(Contract c) {
    deleting(c, "g8b");
    Answer answer =
        c.merge(R, "g8b", "{'metadata':{'finalizers':['" + CLEANUP + "','contract.ramp.dev/another']}}");
    Expect.failure(
        answer,
        422,
        "Invalid",
        "Rollout.contract.ramp.dev \"g8b\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added"
            + " if the object is being deleted, found new finalizers []string{\"contract.ramp.dev/another\"}");
    assertThat(c.get(R, "g8b").at("/metadata/finalizers").toString()).isEqualTo("[\"" + CLEANUP + "\"]");
    c.merge(R, "g8b", "{'metadata':{'finalizers':null}}");
  }

  @ContractTest
  @DisplayName("G8c: a spec change while deletionTimestamp is set is accepted (200) and moves generation")
  void g8c(Contract c) {
    deleting(c, "g8c");
    Answer answer = c.merge(R, "g8c", "{'spec':{'canaryWeight':50}}");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.generation()).isEqualTo(5);
    c.merge(R, "g8c", "{'metadata':{'finalizers':null}}");
  }

  @ContractTest
  @DisplayName("G8d: removing the last finalizer of a deleting object answers 200 with the object, which is then gone")
  void g8d(Contract c) {
    deleting(c, "g8d");
    Answer answer = c.merge(R, "g8d", "{'metadata':{'finalizers':null}}");
    Expect.ok(answer, 200, "Rollout");
    Expect.notFound(c.get(R, "g8d"), R, "g8d");
  }

  @ContractTest
  @DisplayName("G9: on a custom resource without status subresource, a change of .status alone moves generation")
  void g9(Contract c) {
    c.created(Resource.VIRTUAL_SERVICES, virtualService("g9"));
    Answer answer = c.merge(Resource.VIRTUAL_SERVICES, "g9", "{'status':{'x':'y'}}");
    Expect.ok(answer, 200, "VirtualService");
    assertThat(answer.generation()).isEqualTo(2);
    assertThat(answer.at("/status")).isEqualTo(Json.object("{'x':'y'}"));
  }

  @ContractTest
  @DisplayName("G10: a ConfigMap (no spec) has no metadata.generation, on create or after a change")
  void g10(Contract c) {
    Answer created = c.create(Resource.CONFIG_MAPS, configMap("g10"));
    Expect.ok(created, 201, "ConfigMap");
    assertThat(created.at("/metadata/generation").isMissingNode()).as("%s", created).isTrue();
    Answer changed = c.merge(Resource.CONFIG_MAPS, "g10", "{'data':{'k':'w'}}");
    Expect.ok(changed, 200, "ConfigMap");
    assertThat(changed.at("/metadata/generation").isMissingNode()).as("%s", changed).isTrue();
  }
}
