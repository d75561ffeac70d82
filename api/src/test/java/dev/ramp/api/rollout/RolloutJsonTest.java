package dev.ramp.api.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.RampApi;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.PodTemplateHashValue;
import dev.ramp.api.json.Manifests;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutJsonTest {

  private static final String MINIMAL_CANARY = """
      {"apiVersion": "ramp.dev/v1alpha1", "kind": "Rollout",
       "metadata": {"name": "demo", "namespace": "default"},
       "spec": {
         "selector": {"matchLabels": {"app": "demo"}},
         "template": {"metadata": {"labels": {"app": "demo"}},
                      "spec": {"containers": [{"name": "demo", "image": "ghcr.io/ramp-dev/demo-app:1.0"}]}},
         "strategy": {"canary": {"steps": [
           {"setWeight": 20}, {"pause": {}}, {"pause": {"duration": "1m"}}, {"pause": {"duration": 45}}]}}}}
      """;

  @Test
  void readsAManifestWithArgoDefaultsFilledIn() {
    Rollout rollout = JSON.deserialize(MINIMAL_CANARY, Rollout.class);

    RolloutSpec spec = rollout.spec();
    assertThat(spec.replicas()).isEqualTo(1);
    assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.progressDeadlineSeconds()).isEqualTo(600);
    assertThat(spec.minReadySeconds()).isZero();
    assertThat(spec.paused()).isFalse();
    assertThat(spec.analysisRunHistory().successfulRunHistoryLimit()).isEqualTo(5);
    assertThat(spec.workloadRef()).isEmpty();
    assertThat(spec.template()).get().extracting(t -> t.getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/ramp-dev/demo-app:1.0");

    CanaryStrategy canary = spec.strategy().canary().orElseThrow();
    assertThat(spec.strategy().blueGreen()).isEmpty();
    assertThat(canary.maxSurge()).isEqualTo(new IntOrString("25%"));
    assertThat(canary.maxUnavailable()).isEqualTo(new IntOrString("25%"));
    assertThat(canary.scaleDownDelaySeconds()).isEqualTo(30);
    assertThat(canary.abortScaleDownDelaySeconds()).isEqualTo(30);
    assertThat(canary.trafficRouting()).isEmpty();
    assertThat(canary.canaryService()).isEmpty();

    assertThat(canary.steps()).hasSize(4);
    assertThat(canary.steps().get(0).action()).isEqualTo(new SetWeight(20));
    Pause untilPromoted = (Pause) canary.steps().get(1).action();
    assertThat(untilPromoted.isUntilPromoted()).isTrue();
    assertThat(untilPromoted.parsedDuration()).isEmpty();
    assertThat(((Pause) canary.steps().get(2).action()).parsedDuration()).contains(Duration.ofMinutes(1));
    assertThat(((Pause) canary.steps().get(3).action()).parsedDuration()).contains(Duration.ofSeconds(45));

    assertThat(rollout.status()).isSameAs(RolloutStatus.EMPTY);
    assertThat(rollout.status().phase()).isEmpty();
    assertThat(rollout.status().pauseConditions()).isEmpty();
    assertThat(rollout.status().canary().weights()).isEmpty();
    assertThat(rollout.getMetadata().getName()).isEqualTo("demo");
    assertThat(rollout.getApiVersion()).isEqualTo(RampApi.API_VERSION);
    assertThat(rollout.getKind()).isEqualTo("Rollout");
  }

  @Test
  void writesWhatItReadsWithoutEmptyListsOrAnAbsentStatus() {
    Rollout rollout = JSON.deserialize(MINIMAL_CANARY, Rollout.class);

    ObjectNode written = Manifests.toTree(rollout);

    assertThat(written.has("status")).as("an empty status stays out").isFalse();
    ObjectNode canary = (ObjectNode) written.at("/spec/strategy/canary");
    assertThat(canary.has("analysis")).isFalse();
    assertThat(canary.has("canaryService")).isFalse();
    assertThat(canary.path("steps").get(1).toString()).as("pause: {} keeps its meaning").isEqualTo("{\"pause\":{}}");
    assertThat(canary.path("steps").get(3).toString()).isEqualTo("{\"pause\":{\"duration\":45}}");
    assertThat(canary.path("maxSurge").asText()).isEqualTo("25%");
    assertThat(written.at("/spec/replicas").asInt()).isEqualTo(1);
    Rollout back = JSON.deserialize(written.toString(), Rollout.class);
    assertThat(back).isEqualTo(rollout);
  }

  @Test
  void ignoresFieldsItDoesNotKnow() {
    Rollout rollout = JSON.deserialize(
        MINIMAL_CANARY.replace("\"replicas\"", "\"x\"").replace("\"selector\"", "\"someFutureField\": {\"a\": [1]}, \"selector\""),
        Rollout.class);
    assertThat(rollout.spec().selector()).isPresent();
  }

  @Test
  void roundTripsAFullStatus() {
    OffsetDateTime t = OffsetDateTime.parse("2026-11-21T10:15:30Z");
    RolloutStatus status = RolloutStatus.builder()
        .phase(RolloutPhase.PAUSED)
        .message("CanaryPauseStep")
        .observedGeneration(7L)
        .currentStepIndex(1)
        .currentStepHash("5f8d9c")
        .currentPodHash("6b7c9d8f5")
        .stableRS("58d7c9b4f")
        .replicas(6)
        .updatedReplicas(1)
        .readyReplicas(6)
        .availableReplicas(6)
        .selector("app=demo")
        .pauseConditions(List.of(new PauseCondition(PauseReason.CANARY_PAUSE_STEP, t)))
        .controllerPause(true)
        .abort(false)
        .abortedAt(t)
        .promoteFull(false)
        .conditions(List.of(RolloutCondition.of(RolloutCondition.PROGRESSING, ConditionStatus.TRUE,
            "ReplicaSetUpdated", "ReplicaSet demo-6b7c9d8f5 is progressing", t)))
        .canary(CanaryStatus.EMPTY
            .withWeights(TrafficWeights.of(WeightDestination.of(20, "demo-canary", "6b7c9d8f5"),
                WeightDestination.of(80, "demo-stable", "58d7c9b4f")))
            .withCurrentStepAnalysisRunStatus(RolloutAnalysisRunStatus.of("demo-6b7c9d8f5-2", AnalysisPhase.RUNNING, null)))
        .blueGreen(BlueGreenStatus.EMPTY.withActiveSelector("58d7c9b4f"))
        .restartedAt(t)
        .collisionCount(1)
        .build();
    Rollout read = JSON.deserialize(MINIMAL_CANARY, Rollout.class);
    Rollout rollout = read.withStatus(status);

    String json = JSON.serialize(rollout);
    Rollout back = JSON.deserialize(json, Rollout.class);

    assertThat(back).isEqualTo(rollout);
    ObjectNode tree = Manifests.toTree(rollout);
    assertThat(tree.at("/status/phase").asText()).isEqualTo("Paused");
    assertThat(tree.at("/status/pauseConditions/0/reason").asText()).isEqualTo("CanaryPauseStep");
    assertThat(tree.at("/status/conditions/0/status").asText()).isEqualTo("True");
    assertThat(tree.at("/status/canary/weights/canary/weight").asInt()).isEqualTo(20);
    assertThat(tree.at("/status/canary/currentStepAnalysisRunStatus/status").asText()).isEqualTo("Running");
    assertThat(tree.at("/status/observedGeneration").isIntegralNumber()).isTrue();
    assertThat(tree.at("/status/pauseConditions/0/startTime").asText()).startsWith("2026-11-21T10:15:30");
  }

  @Test
  void updatesImmutably() {
    Rollout rollout = JSON.deserialize(MINIMAL_CANARY, Rollout.class);
    RolloutStatus aborted = rollout.status().toBuilder().abort(true).phase(RolloutPhase.DEGRADED).build();

    Rollout updated = rollout.withStatus(aborted).withSpec(rollout.spec().withPaused(true));

    assertThat(rollout.status().abort()).isFalse();
    assertThat(updated.status().abort()).isTrue();
    assertThat(updated.spec().paused()).isTrue();
    assertThat(rollout.spec().paused()).isFalse();
    assertThat(updated.status().toBuilder().build()).isEqualTo(updated.status());
    assertThatThrownBy(() -> rollout.spec().strategy().canary().orElseThrow().steps().add(CanaryStep.ofSetWeight(5)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void replacesAConditionOfTheSameType() {
    OffsetDateTime t = OffsetDateTime.parse("2026-11-21T10:15:30Z");
    RolloutStatus status = RolloutStatus.EMPTY
        .withCondition(RolloutCondition.of("Progressing", ConditionStatus.TRUE, "A", "a", t))
        .withCondition(RolloutCondition.of("Available", ConditionStatus.TRUE, "B", "b", t))
        .withCondition(RolloutCondition.of("Progressing", ConditionStatus.FALSE, "C", "c", t));

    assertThat(status.conditions()).extracting(RolloutCondition::type).containsExactly("Progressing", "Available");
    assertThat(status.condition("Progressing")).get().extracting(RolloutCondition::reason).isEqualTo(Optional.of("C"));
  }

  @Test
  void givesEachStepItsOneAction() {
    RolloutAnalysis analysis = RolloutAnalysis.of(List.of(AnalysisTemplateRef.of("success-rate")),
        List.of(Argument.from("pod-hash", dev.ramp.api.analysis.ValueFrom.podTemplateHash(PodTemplateHashValue.LATEST))));
    assertThat(CanaryStep.ofAnalysis(analysis).action()).isSameAs(analysis);
    assertThat(CanaryStep.ofSetCanaryScale(SetCanaryScale.ofReplicas(2)).action())
        .isEqualTo(SetCanaryScale.ofReplicas(2));
    assertThat(CanaryStep.ofPause(Pause.of("30s")).action()).isEqualTo(Pause.of("30s"));

    CanaryStep twoActions = new CanaryStep(Optional.of(10), Optional.of(Pause.untilPromoted()), null, null);
    assertThatThrownBy(twoActions::action).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one of setWeight, pause, setCanaryScale or analysis, this one sets 2");
  }

  @Test
  void writesAStepThatCarriesOnlyItsAction() {
    ObjectNode step = Manifests.toTree(CanaryStep.ofSetCanaryScale(SetCanaryScale.ofWeight(50)));
    assertThat(step.toString()).isEqualTo("{\"setCanaryScale\":{\"weight\":50}}");
  }

  @Test
  void readsBlueGreenDefaults() {
    Rollout rollout = JSON.deserialize("""
        {"apiVersion": "ramp.dev/v1alpha1", "kind": "Rollout", "metadata": {"name": "demo"},
         "spec": {"workloadRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "demo"},
                  "strategy": {"blueGreen": {"activeService": "demo-active"}}}}
        """, Rollout.class);

    assertThat(rollout.spec().workloadRef()).contains(WorkloadRef.deployment("demo"));

    BlueGreenStrategy blueGreen = rollout.spec().strategy().blueGreen().orElseThrow();
    assertThat(blueGreen.autoPromotionEnabled()).isTrue();
    assertThat(blueGreen.autoPromotionSeconds()).isZero();
    assertThat(blueGreen.scaleDownDelaySeconds()).isEqualTo(30);
    assertThat(blueGreen.abortScaleDownDelaySeconds()).isEqualTo(30);
    assertThat(blueGreen.previewService()).isEmpty();
    assertThat(blueGreen.previewReplicaCount()).isEmpty();
    assertThat(blueGreen.maxUnavailable()).isEmpty();
  }

  @Test
  void buildsAManifestFromCode() {
    Rollout rollout = new Rollout(new V1ObjectMeta().name("demo"), RolloutSpec.of(
        new io.kubernetes.client.openapi.models.V1LabelSelector().putMatchLabelsItem("app", "demo"),
        new io.kubernetes.client.openapi.models.V1PodTemplateSpec()
            .metadata(new V1ObjectMeta().putLabelsItem("app", "demo")),
        RolloutStrategy.blueGreen(BlueGreenStrategy.of("demo-active", "demo-preview"))));

    ObjectNode tree = Manifests.toTree(rollout);

    assertThat(tree.path("apiVersion").asText()).isEqualTo("ramp.dev/v1alpha1");
    assertThat(tree.path("kind").asText()).isEqualTo("Rollout");
    assertThat(tree.at("/spec/strategy/blueGreen/autoPromotionEnabled").asBoolean()).isTrue();
    assertThat(tree.at("/spec/strategy").has("canary")).isFalse();
  }
}
