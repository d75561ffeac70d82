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
import dev.ramp.sandbox.contract.harness.WatchStream;
import dev.ramp.sandbox.contract.harness.WatchStream.Event;
import java.time.Duration;
import java.util.List;
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

  private static boolean isDeleted(Event event) {
    return event.type().equals("DELETED");
  }

  @ContractTest
  @DisplayName("O2: DELETE with Foreground answers the owner with finalizer foregroundDeletion; the child goes first, then the owner")
  void o2(Contract c) {
    ownerAndChild(c, "o2");
    String ownerVersion = c.get(R, "o2").resourceVersion();
    String childVersion = c.get(CM, "o2-child").resourceVersion();
    try (WatchStream owner = c.watch(R, "fieldSelector", "metadata.name=o2", "resourceVersion", ownerVersion);
        WatchStream child = c.watch(CM, "fieldSelector", "metadata.name=o2-child", "resourceVersion", childVersion)) {
      Answer deleted = c.delete(R, "o2", propagation("Foreground"));
      Expect.ok(deleted, 200, "Rollout");
      assertThat(deleted.at("/metadata/finalizers")).isEqualTo(Json.MAPPER.createArrayNode().add("foregroundDeletion"));
      assertThat(deleted.text("/metadata/deletionTimestamp")).isNotEmpty();

      List<Event> ownerEvents = owner.until(GarbageCollectionContractTest::isDeleted, GC_WITHIN);
      List<Event> childEvents = child.until(GarbageCollectionContractTest::isDeleted, GC_WITHIN);
      assertThat(ownerEvents).as("owner events %s", owner).hasSizeGreaterThanOrEqualTo(2);
      Event marked = ownerEvents.get(0);
      assertThat(marked.type()).as("owner events %s", owner).isEqualTo("MODIFIED");
      assertThat(marked.object().at("/metadata/deletionTimestamp").asText()).isNotEmpty();
      assertThat(marked.object().at("/metadata/finalizers").toString()).contains("foregroundDeletion");
      assertThat(ownerEvents.get(ownerEvents.size() - 1).type()).as("owner events %s", owner).isEqualTo("DELETED");
      assertThat(childEvents).as("child events %s", child).isNotEmpty();
      Event childDeleted = childEvents.get(childEvents.size() - 1);
      assertThat(childDeleted.type()).as("child events %s", child).isEqualTo("DELETED");
      assertThat(Long.parseLong(childDeleted.resourceVersion()))
          .as("the child is deleted before its owner")
          .isLessThan(Long.parseLong(ownerEvents.get(ownerEvents.size() - 1).resourceVersion()));
    }
    Expect.notFound(c.get(R, "o2"), R, "o2");
    Expect.notFound(c.get(CM, "o2-child"), CM, "o2-child");
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
  @DisplayName("O5: DELETE of a namespace answers 200; it turns Terminating, then it and its content are gone")
  void o5(Contract c) {
    String namespace = c.newNamespace("o5");
    c.wire().post(CM.collection(namespace), configMap("o5"));
    String version = c.wire().get(Resource.NAMESPACES.path("", namespace)).resourceVersion();
    try (WatchStream watch =
        c.wire().watch(Resource.NAMESPACES.collection(""), "fieldSelector", "metadata.name=" + namespace, "resourceVersion", version)) {
      Answer deleted = c.wire().delete(Resource.NAMESPACES.path("", namespace));
      assertThat(deleted.code()).as("%s", deleted).isEqualTo(200);
      List<Event> events = watch.until(GarbageCollectionContractTest::isDeleted, GC_WITHIN);
      assertThat(events).as("namespace events %s", watch).hasSizeGreaterThanOrEqualTo(2);
      Event terminating = events.get(0);
      assertThat(terminating.type()).as("namespace events %s", watch).isEqualTo("MODIFIED");
      assertThat(terminating.object().at("/status/phase").asText()).isEqualTo("Terminating");
      assertThat(terminating.object().at("/metadata/deletionTimestamp").asText()).isNotEmpty();
      assertThat(events.get(events.size() - 1).type()).as("namespace events %s", watch).isEqualTo("DELETED");
    }
    assertThat(c.wire().get(Resource.NAMESPACES.path("", namespace)).code()).isEqualTo(404);
    assertThat(c.wire().get(CM.path(namespace, "o5")).code()).isEqualTo(404);
  }
}
