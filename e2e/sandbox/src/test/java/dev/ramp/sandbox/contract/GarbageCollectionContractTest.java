package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.configMap;
import static dev.ramp.sandbox.contract.harness.Manifests.propagation;
import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.Poll;
import dev.ramp.sandbox.contract.harness.Resource;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

/** Rows O*: ownerReferences and the garbage collector, propagation policies, namespace deletion. */
class GarbageCollectionContractTest {
  private static final Resource R = Resource.ROLLOUTS;
  private static final Resource CM = Resource.CONFIG_MAPS;
  private static final Duration GC_WITHIN = Duration.ofSeconds(30);

  /** A ConfigMap owned (controller, blockOwnerDeletion) by the Rollout whose create answer is given. */
  private static ObjectNode child(String name, String ownerName, String ownerUid) {
    ObjectNode child = configMap(name);
    child
        .withObjectProperty("metadata")
        .putArray("ownerReferences")
        .add(
            Json.object(
                "{'apiVersion':'contract.ramp.dev/v1','kind':'Rollout','name':'%s','uid':'%s','controller':true,'blockOwnerDeletion':true}"
                    .formatted(ownerName, ownerUid)));
    return child;
  }

  private static void ownerAndChild(Contract c, String owner) {
    Answer created = c.created(R, rollout(owner));
    c.created(CM, child(owner + "-child", owner, created.text("/metadata/uid")));
  }

  private static boolean gone(Answer answer) {
    return answer.code() == 404;
  }

  @ContractTest
  @DisplayName("O1: DELETE of an owner (background) answers a Success Status; the garbage collector then deletes the child")
  void o1(Contract c) {
    ownerAndChild(c, "o1");
    Answer deleted = c.delete(R, "o1");
    Expect.ok(deleted, 200, "Status");
    assertThat(deleted.text("/status")).isEqualTo("Success");
    Answer child = Poll.until(GC_WITHIN, () -> c.get(CM, "o1-child"), GarbageCollectionContractTest::gone);
    assertThat(child.code()).as("child after the owner's deletion: %s", child).isEqualTo(404);
  }

  @ContractTest
  @DisplayName("O2: DELETE with Foreground answers the owner with finalizer foregroundDeletion; it stays until the child is gone")
  void o2(Contract c) {
    ownerAndChild(c, "o2");
    Answer deleted = c.delete(R, "o2", propagation("Foreground"));
    Expect.ok(deleted, 200, "Rollout");
    assertThat(deleted.at("/metadata/finalizers").toString()).isEqualTo("[\"foregroundDeletion\"]");
    assertThat(deleted.text("/metadata/deletionTimestamp")).isNotEmpty();
    Answer ownerRightAfter = c.get(R, "o2");
    Expect.ok(ownerRightAfter, 200, "Rollout");
    assertThat(ownerRightAfter.text("/metadata/deletionTimestamp")).isNotEmpty();

    Answer child = Poll.until(GC_WITHIN, () -> c.get(CM, "o2-child"), GarbageCollectionContractTest::gone);
    assertThat(child.code()).as("child: %s", child).isEqualTo(404);
    Answer owner = Poll.until(GC_WITHIN, () -> c.get(R, "o2"), GarbageCollectionContractTest::gone);
    assertThat(owner.code()).as("owner: %s", owner).isEqualTo(404);
  }

  @ContractTest
  @DisplayName("O3: DELETE with Orphan answers the owner with finalizer orphan; the child stays, its ownerReferences removed")
  void o3(Contract c) {
    ownerAndChild(c, "o3");
    Answer deleted = c.delete(R, "o3", propagation("Orphan"));
    Expect.ok(deleted, 200, "Rollout");
    assertThat(deleted.at("/metadata/finalizers").toString()).isEqualTo("[\"orphan\"]");

    Answer owner = Poll.until(GC_WITHIN, () -> c.get(R, "o3"), GarbageCollectionContractTest::gone);
    assertThat(owner.code()).as("owner: %s", owner).isEqualTo(404);
    Answer child = Poll.until(GC_WITHIN, () -> c.get(CM, "o3-child"), a -> !a.at("/metadata/ownerReferences").isArray());
    Expect.ok(child, 200, "ConfigMap");
    assertThat(child.at("/metadata/ownerReferences").isMissingNode()).as("%s", child).isTrue();
  }

  @ContractTest
  @DisplayName("O4: a child whose ownerReference names an owner that does not exist is deleted by the garbage collector")
  void o4(Contract c) {
    c.created(CM, child("o4-orphan", "o4-ghost", "6d1c1a0e-0000-4000-8000-000000000004"));
    Answer child = Poll.until(GC_WITHIN, () -> c.get(CM, "o4-orphan"), GarbageCollectionContractTest::gone);
    assertThat(child.code()).as("child of a missing owner: %s", child).isEqualTo(404);
  }

  @ContractTest
  @DisplayName("O5: DELETE of a namespace answers 200; it is Terminating, then it and its content are gone")
  void o5(Contract c) {
    String namespace = c.newNamespace("o5");
    c.wire().post(CM.collection(namespace), configMap("o5"));
    Answer deleted = c.wire().delete(Resource.NAMESPACES.path("", namespace));
    assertThat(deleted.code()).as("%s", deleted).isEqualTo(200);
    Answer rightAfter = c.wire().get(Resource.NAMESPACES.path("", namespace));
    Expect.ok(rightAfter, 200, "Namespace");
    assertThat(rightAfter.text("/status/phase")).isEqualTo("Terminating");

    Answer gone = Poll.until(GC_WITHIN, () -> c.wire().get(Resource.NAMESPACES.path("", namespace)), a -> a.code() == 404);
    assertThat(gone.code()).as("namespace: %s", gone).isEqualTo(404);
    assertThat(c.wire().get(CM.path(namespace, "o5")).code()).isEqualTo(404);
  }
}
