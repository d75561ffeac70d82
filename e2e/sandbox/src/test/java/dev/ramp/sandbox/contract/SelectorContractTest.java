package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.labelled;
import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Resource;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Rows L*: equality- and set-based label selectors, field selectors on custom resources, malformed
 * selectors. Five Rollouts: sel-a (app=web, hash a), sel-b (web, b), sel-c (web, c), sel-d (app=api, hash
 * a), sel-e (web, no hash).
 */
class SelectorContractTest {
  private static final Resource R = Resource.ROLLOUTS;
  private static final String HASH = "rollouts-pod-template-hash";

  private static void scene(Contract c) {
    create(c, "sel-a", "app", "web", HASH, "a");
    create(c, "sel-b", "app", "web", HASH, "b");
    create(c, "sel-c", "app", "web", HASH, "c");
    create(c, "sel-d", "app", "api", HASH, "a");
    create(c, "sel-e", "app", "web");
  }

  private static void create(Contract c, String name, String... labels) {
    Answer answer = c.create(R, labelled(rollout(name), labels));
    if (answer.code() != 201 && answer.code() != 409) {
      throw new IllegalStateException("setting up failed: " + answer);
    }
  }

  private static List<String> select(Contract c, String... query) {
    scene(c);
    Answer list = c.list(R, query);
    assertThat(list.code()).as("%s", list).isEqualTo(200);
    return list.itemNames();
  }

  @ContractTest
  @DisplayName("L1: labelSelector app=web,hash in (a,b)")
  void l1(Contract c) {
    assertThat(select(c, "labelSelector", "app=web," + HASH + " in (a,b)")).containsExactly("sel-a", "sel-b");
  }

  @ContractTest
  @DisplayName("L2: labelSelector app=web,hash notin (a,b) also matches objects without the key")
  void l2(Contract c) {
    assertThat(select(c, "labelSelector", "app=web," + HASH + " notin (a,b)")).containsExactly("sel-c", "sel-e");
  }

  @ContractTest
  @DisplayName("L3: labelSelector app=web,!hash")
  void l3(Contract c) {
    assertThat(select(c, "labelSelector", "app=web,!" + HASH)).containsExactly("sel-e");
  }

  @ContractTest
  @DisplayName("L4: labelSelector app!=web,hash")
  void l4(Contract c) {
    assertThat(select(c, "labelSelector", "app!=web," + HASH)).containsExactly("sel-d");
  }

  @ContractTest
  @DisplayName("L5: labelSelector hash in (a) alone")
  void l5(Contract c) {
    assertThat(select(c, "labelSelector", HASH + " in (a)")).containsExactly("sel-a", "sel-d");
  }

  @ContractTest
  @DisplayName("L6: fieldSelector metadata.name=sel-a")
  void l6(Contract c) {
    assertThat(select(c, "fieldSelector", "metadata.name=sel-a")).containsExactly("sel-a");
  }

  @ContractTest
  @DisplayName("L7: labelSelector app=web with fieldSelector metadata.name!=sel-a")
  void l7(Contract c) {
    assertThat(select(c, "labelSelector", "app=web", "fieldSelector", "metadata.name!=sel-a"))
        .containsExactly("sel-b", "sel-c", "sel-e");
  }

  @ContractTest
  @DisplayName("L8: fieldSelector on a spec field of a custom resource is 400 BadRequest: not a selectable field")
  void l8(Contract c) {
    scene(c);
    Expect.failure(
        c.list(R, "fieldSelector", "spec.strategy=canary"), 400, "BadRequest", "field label not supported: spec.strategy");
  }

  @ContractTest
  @DisplayName("L8b: fieldSelector spec.image=app:1 (a value with ':') is 400 BadRequest, not a list")
  void l8b(Contract c) {
    scene(c);
    Expect.failure(
        c.list(R, "fieldSelector", "spec.image=app:1"), 400, "BadRequest", "field label not supported: spec.image");
  }

  @ContractTest
  @DisplayName("L9: a malformed labelSelector 'app in web' is 400 BadRequest")
  void l9(Contract c) {
    scene(c);
    Expect.failure(
        c.list(R, "labelSelector", "app in web"),
        400,
        "BadRequest",
        "unable to parse requirement: found 'web' expected: '('");
  }
}
