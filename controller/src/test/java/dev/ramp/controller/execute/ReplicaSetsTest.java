package dev.ramp.controller.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStrategy;
import dev.ramp.controller.plan.Action;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaSetsTest {

  static Rollout rollout() {
    V1PodTemplateSpec template = new V1PodTemplateSpec()
        .metadata(new V1ObjectMeta().labels(Map.of("app", "web", "tier", "front")))
        .spec(new V1PodSpec().containers(List.of(new V1Container().name("web").image("web:2"))));
    RolloutSpec spec = RolloutSpec.of(new V1LabelSelector().matchLabels(Map.of("app", "web")), template,
        RolloutStrategy.canary(CanaryStrategy.withSteps(List.of())));
    return new Rollout(new V1ObjectMeta().name("web").namespace("shop").uid("uid-1"), spec);
  }

  @Test
  void theReplicaSetOfARevisionIsNamedLabelledSelectedAndOwnedByItsRollout() {
    V1ReplicaSet rs = ReplicaSets.build(rollout(), new Action.CreateReplicaSet("web-abc", "abc", 3, 2),
        Optional.empty());

    assertThat(rs.getMetadata().getName()).isEqualTo("web-abc");
    assertThat(rs.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(rs.getMetadata().getLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("app", "web", "tier", "front", "rollouts-pod-template-hash", "abc"));
    assertThat(rs.getMetadata().getAnnotations()).containsExactlyEntriesOf(Map.of("ramp.dev/revision", "3"));
    assertThat(rs.getSpec().getReplicas()).isEqualTo(2);
    assertThat(rs.getSpec().getSelector().getMatchLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("app", "web", "rollouts-pod-template-hash", "abc"));
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("rollouts-pod-template-hash", "abc").containsEntry("tier", "front");
    assertThat(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("web:2");
    assertThat(rs.getMetadata().getOwnerReferences()).containsExactly(new V1OwnerReference()
        .apiVersion("ramp.dev/v1alpha1").kind("Rollout").name("web").uid("uid-1")
        .controller(true).blockOwnerDeletion(true));
  }

  @Test
  void theRolloutsTemplateIsNotChanged() {
    Rollout rollout = rollout();

    ReplicaSets.build(rollout, new Action.CreateReplicaSet("web-abc", "abc", 1, 1), Optional.empty());

    assertThat(rollout.spec().template().orElseThrow().getMetadata().getLabels()).doesNotContainKey(
        "rollouts-pod-template-hash");
    assertThat(rollout.spec().selector().orElseThrow().getMatchLabels()).containsOnlyKeys("app");
  }

  @Test
  void aScaleDownDeadlineIsKeptAsAnAnnotation() {
    V1ReplicaSet rs = ReplicaSets.build(rollout(), new Action.CreateReplicaSet("web-abc", "abc", 1, 1),
        Optional.of(Instant.parse("2026-01-02T03:04:05Z")));

    assertThat(rs.getMetadata().getAnnotations()).containsEntry("ramp.dev/scale-down-deadline", "2026-01-02T03:04:05Z");
  }

  @Test
  void aRolloutWithoutTemplateSaysSo() {
    Rollout bare = rollout().withSpec(new RolloutSpec(1, Optional.empty(), Optional.empty(), Optional.empty(), 0, null,
        false, null, false, Optional.empty(), Optional.empty(), rollout().spec().strategy()));

    assertThatThrownBy(() -> ReplicaSets.build(bare, new Action.CreateReplicaSet("web-abc", "abc", 1, 1),
        Optional.empty())).hasMessage("Rollout web has no pod template to create a ReplicaSet from");
  }
}
