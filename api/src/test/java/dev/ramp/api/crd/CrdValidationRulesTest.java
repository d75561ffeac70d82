package dev.ramp.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.RampKind;
import dev.ramp.api.json.Manifests;
import dev.ramp.api.validation.FieldError;
import dev.ramp.api.validation.StructuralSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the CRDs reject, with the message a person gets from {@code kubectl apply}: each rule of
 * the schema and of its CEL {@code x-kubernetes-validations}, for canary and blue-green alike.
 */
class CrdValidationRulesTest {
  private static final StructuralSchema ROLLOUT = StructuralSchema.compile(Crds.openApiV3Schema(RampKind.ROLLOUT));
  private static final StructuralSchema TEMPLATE =
      StructuralSchema.compile(Crds.openApiV3Schema(RampKind.ANALYSIS_TEMPLATE));
  private static final StructuralSchema RUN = StructuralSchema.compile(Crds.openApiV3Schema(RampKind.ANALYSIS_RUN));

  private static final String POD = """
        selector:
          matchLabels: {app: demo}
        template:
          metadata:
            labels: {app: demo}
          spec:
            containers: [{name: demo, image: ghcr.io/ramp-dev/demo-app:1.0}]
      """;

  private static String rollout(String specTail) {
    return """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata: {name: demo, namespace: default}
        spec:
        """ + POD + specTail.indent(2);
  }

  private static String canary(String canaryBody) {
    return rollout("strategy:\n  canary:\n" + canaryBody.stripIndent().indent(4));
  }

  private static String blueGreen(String blueGreenBody) {
    return rollout("strategy:\n  blueGreen:\n" + blueGreenBody.stripIndent().indent(4));
  }

  /** The lines a server would answer with on create; empty when it accepts. */
  private static List<String> create(StructuralSchema schema, String yaml) {
    ObjectNode object = Manifests.readAll(yaml).get(0);
    List<String> lines = new ArrayList<>();
    schema.pruneAndDefault(object).forEach(p -> lines.add("unknown field \"" + p + "\""));
    schema.validate(object, null).stream().map(FieldError::text).forEach(lines::add);
    return lines;
  }

  private static List<String> createRollout(String yaml) {
    return create(ROLLOUT, yaml);
  }

  @Test
  void acceptsAValidCanaryAndAValidBlueGreen() {
    assertThat(createRollout(canary("""
        canaryService: demo-canary
        stableService: demo-stable
        trafficRouting:
          istio:
            virtualService: {name: demo, routes: [primary]}
        steps:
        - setWeight: 20
        - pause: {}
        - pause: {duration: 30}
        - pause: {duration: "90"}
        - pause: {duration: 1m30s}
        - setCanaryScale: {replicas: 2}
        - analysis:
            templates: [{templateName: success-rate}]
            args: [{name: pod-hash, valueFrom: {podTemplateHashValue: Latest}}]
        """))).isEmpty();
    assertThat(createRollout(blueGreen("""
        activeService: demo-active
        previewService: demo-preview
        autoPromotionEnabled: false
        prePromotionAnalysis:
          templates: [{templateName: smoke, clusterScope: true}]
        """))).isEmpty();
  }

  @Test
  void fillsInArgosDefaults() {
    ObjectNode object = Manifests.readAll(canary("steps: [{setWeight: 10}]")).get(0);
    ROLLOUT.pruneAndDefault(object);

    assertThat(object.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(object.at("/spec/revisionHistoryLimit").asInt()).isEqualTo(10);
    assertThat(object.at("/spec/progressDeadlineSeconds").asInt()).isEqualTo(600);
    assertThat(object.at("/spec/strategy/canary/maxSurge").asText()).isEqualTo("25%");
    assertThat(object.at("/spec/strategy/canary/maxUnavailable").asText()).isEqualTo("25%");
    assertThat(object.at("/spec/strategy/canary/scaleDownDelaySeconds").asInt()).isEqualTo(30);
    assertThat(object.at("/spec/strategy/canary/abortScaleDownDelaySeconds").asInt()).isEqualTo(30);

    ObjectNode bg = Manifests.readAll(blueGreen("activeService: demo-active")).get(0);
    ROLLOUT.pruneAndDefault(bg);
    assertThat(bg.at("/spec/strategy/blueGreen/autoPromotionEnabled").asBoolean()).isTrue();
    assertThat(bg.at("/spec/strategy/blueGreen/scaleDownDelaySeconds").asInt()).isEqualTo(30);
    assertThat(bg.at("/spec/strategy/blueGreen").has("maxUnavailable")).as("0 for blue-green comes from the controller")
        .isFalse();
  }

  @Test
  void needsExactlyOneStrategy() {
    String both = rollout("""
        strategy:
          canary: {steps: [{setWeight: 10}]}
          blueGreen: {activeService: demo-active}
        """);
    String neither = rollout("strategy: {}");

    assertThat(createRollout(both)).containsExactly(
        "spec.strategy: Invalid value: \"object\": set exactly one of strategy.canary or strategy.blueGreen");
    assertThat(createRollout(neither)).containsExactly(
        "spec.strategy: Invalid value: \"object\": set exactly one of strategy.canary or strategy.blueGreen");
  }

  @Test
  void rejectsAWeightAbove100() {
    assertThat(createRollout(canary("steps: [{setWeight: 150}]"))).containsExactly(
        "spec.strategy.canary.steps[0].setWeight: Invalid value: 150: spec.strategy.canary.steps[0].setWeight in body"
            + " should be less than or equal to 100");
    assertThat(createRollout(canary("steps: [{setWeight: -1}]"))).singleElement().asString()
        .contains("should be greater than or equal to 0");
  }

  @Test
  void rejectsAStepThatDoesTwoThingsOrNothing() {
    assertThat(createRollout(canary("steps: [{setWeight: 10, pause: {}}, {}]"))).containsExactly(
        "spec.strategy.canary.steps[0]: Invalid value: \"object\": a canary step does exactly one thing: set exactly"
            + " one of setWeight, pause, setCanaryScale or analysis (split it into several steps)",
        "spec.strategy.canary.steps[1]: Invalid value: \"object\": a canary step does exactly one thing: set exactly"
            + " one of setWeight, pause, setCanaryScale or analysis (split it into several steps)");
  }

  @Test
  void rejectsTheSameServiceTwice() {
    assertThat(createRollout(blueGreen("{activeService: demo, previewService: demo}"))).containsExactly(
        "spec.strategy.blueGreen: Invalid value: \"object\": activeService and previewService must be two different"
            + " Services");
    assertThat(createRollout(canary("{canaryService: demo, stableService: demo, steps: [{setWeight: 5}]}")))
        .containsExactly("spec.strategy.canary: Invalid value: \"object\": canaryService and stableService must be two"
            + " different Services");
  }

  @Test
  void requiresTheActiveService() {
    assertThat(createRollout(blueGreen("{previewService: demo-preview}"))).first().asString()
        .isEqualTo("spec.strategy.blueGreen.activeService: Required value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10x", "1h30", "5 minutes", "-5s", "1d"})
  void rejectsAPauseDurationThatIsNotADuration(String duration) {
    assertThat(createRollout(canary("steps: [{pause: {duration: \"" + duration + "\"}}]"))).singleElement().asString()
        .startsWith("spec.strategy.canary.steps[0].pause.duration: Invalid value: ")
        .endsWith("must be a whole number of seconds or a duration such as 30s, 1m30s, 500ms or 1h");
  }

  @Test
  void rejectsANegativePauseInSeconds() {
    assertThat(createRollout(canary("steps: [{pause: {duration: -3}}]"))).singleElement().asString()
        .endsWith("must be a whole number of seconds or a duration such as 30s, 1m30s, 500ms or 1h");
  }

  @Test
  void needsTemplateOrWorkloadRefButNotBoth() {
    String both = """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
        """ + POD + """
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: demo}
          strategy: {canary: {}}
        """;
    String neither = """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
          strategy: {canary: {}}
        """;
    String refOnly = """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata: {name: demo}
        spec:
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: demo, scaleDown: onsuccess}
          strategy: {canary: {}}
        """;
    String message = "spec: Invalid value: \"object\": set exactly one of template or workloadRef (workloadRef takes the"
        + " pod template from an existing Deployment)";

    assertThat(createRollout(both)).containsExactly(message);
    assertThat(createRollout(neither)).contains(message, "spec: Invalid value: \"object\": selector is required with template");
    assertThat(createRollout(refOnly)).isEmpty();
  }

  @Test
  void needsTheSelectorToMatchTheTemplate() {
    String mismatch = rollout("strategy: {canary: {}}").replace("labels: {app: demo}", "labels: {app: other}");
    assertThat(createRollout(mismatch)).containsExactly(
        "spec: Invalid value: \"object\": selector.matchLabels must match the labels of template.metadata.labels");
  }

  @Test
  void needsServicesForAnIstioHostSplitButNotForASubsetSplit() {
    assertThat(createRollout(canary("""
        trafficRouting: {istio: {virtualService: {name: demo}}}
        steps: [{setWeight: 5}]
        """))).containsExactly("spec.strategy.canary: Invalid value: \"object\": an Istio host-level split needs"
        + " canaryService and stableService (or add istio.destinationRule for a subset-level split)");
    assertThat(createRollout(canary("""
        trafficRouting:
          istio:
            virtualService: {name: demo}
            destinationRule: {name: demo, canarySubsetName: canary, stableSubsetName: stable}
        steps: [{setWeight: 5}]
        """))).isEmpty();
    assertThat(createRollout(canary("""
        trafficRouting:
          istio:
            virtualService: {name: demo}
            destinationRule: {name: demo, canarySubsetName: same, stableSubsetName: same}
        """))).containsExactly("spec.strategy.canary.trafficRouting.istio.destinationRule: Invalid value: \"object\":"
        + " canarySubsetName and stableSubsetName must name two different subsets");
  }

  @Test
  void needsExactlyOneVirtualServiceField() {
    assertThat(createRollout(canary("""
        canaryService: c
        stableService: s
        trafficRouting: {istio: {virtualService: {name: a}, virtualServices: [{name: b}]}}
        """))).containsExactly("spec.strategy.canary.trafficRouting.istio: Invalid value: \"object\": istio: set exactly"
        + " one of virtualService or virtualServices");
  }

  @Test
  void needsATrafficRouterForSetCanaryScale() {
    assertThat(createRollout(canary("steps: [{setCanaryScale: {weight: 50}}]"))).containsExactly(
        "spec.strategy.canary: Invalid value: \"object\": setCanaryScale needs trafficRouting: without a traffic router"
            + " the canary's weight is its share of replicas");
  }

  @Test
  void checksAnalysisArguments() {
    assertThat(createRollout(canary("""
        steps:
        - analysis:
            templates: [{templateName: t}]
            args:
            - {name: a}
            - {name: b, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
            - {name: c, valueFrom: {podTemplateHashValue: Stable, fieldRef: {fieldPath: metadata.name}}}
            - {name: d, valueFrom: {podTemplateHashValue: Newest}}
        """))).containsExactly(
        "spec.strategy.canary.steps[0].analysis.args[3].valueFrom.podTemplateHashValue: Unsupported value: \"Newest\":"
            + " supported values: \"Stable\", \"Latest\"",
        "spec.strategy.canary.steps[0].analysis.args[0]: Invalid value: \"object\": give the argument a value or a"
            + " valueFrom (the template declares it; the Rollout supplies it)",
        "spec.strategy.canary.steps[0].analysis.args[1]: Invalid value: \"object\": an argument has either value or"
            + " valueFrom, not both",
        "spec.strategy.canary.steps[0].analysis.args[2].valueFrom: Invalid value: \"object\": valueFrom: set exactly one"
            + " of secretKeyRef, podTemplateHashValue or fieldRef");
  }

  @Test
  void needsABackgroundAnalysisToStartAtAStep() {
    assertThat(createRollout(canary("""
        analysis: {templates: [{templateName: t}], startingStep: 2}
        steps: [{setWeight: 10}, {pause: {}}]
        """))).containsExactly("spec.strategy.canary: Invalid value: \"object\": analysis.startingStep must be the index"
        + " of one of the steps");
  }

  @Test
  void needsTheDeadlineAboveMinReadySeconds() {
    assertThat(createRollout(rollout("minReadySeconds: 600\nstrategy: {canary: {}}"))).containsExactly(
        "spec: Invalid value: \"object\": progressDeadlineSeconds must be greater than minReadySeconds");
  }

  // -- analysis templates and runs

  private static String template(String metric) {
    return """
        apiVersion: ramp.dev/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: success-rate}
        spec:
          metrics:
        """ + metric.stripIndent().indent(2);
  }

  @Test
  void acceptsATemplateWithPlaceholders() {
    assertThat(create(TEMPLATE, template("""
        - name: success-rate
          interval: "{{args.interval}}"
          count: "{{args.count}}"
          failureLimit: 2
          noData: fail
          provider:
            prometheus:
              address: http://prometheus.monitoring:9090
              query: up{service="{{args.service}}"}
              timeout: 40
              authentication:
                basic: {username: ramp, passwordSecretKeyRef: {name: prom, key: password}}
        """))).isEmpty();
  }

  @Test
  void rejectsABadIntervalInATemplate() {
    assertThat(create(TEMPLATE, template("""
        - name: m
          interval: 5 minutes
          provider: {prometheus: {address: "http://p:9090", query: up}}
        """))).singleElement().asString()
        .startsWith("spec.metrics[0].interval: Invalid value: ")
        .endsWith("must be a duration such as 30s, 1m30s, 500ms or 1h (a number and a unit: ns, us, ms, s, m, h)");
  }

  @Test
  void rejectsWhatAnAnalysisCannotMean() {
    assertThat(create(TEMPLATE, template("""
        - name: m
          count: 5
          noData: Fail
          provider: {prometheus: {address: "prometheus:9090", query: up}}
        - name: m
          provider: {prometheus: {address: "http://p:9090", query: up, authentication: {}}}
        """))).containsExactly(
        "spec.metrics[0].noData: Unsupported value: \"Fail\": supported values: \"fail\", \"inconclusive\", \"pass\"",
        "spec: Invalid value: \"object\": metric names must be unique",
        "spec.metrics[0]: Invalid value: \"object\": a metric measured more than once (count > 1) needs an interval",
        "spec.metrics[0].provider.prometheus: Invalid value: \"object\": address must be an http:// or https:// URL,"
            + " e.g. http://prometheus.monitoring:9090",
        "spec.metrics[1].provider.prometheus.authentication: Invalid value: \"object\": authentication: set exactly one"
            + " of bearer or basic");
  }

  @Test
  void aWrongTypeLeavesTheRulesUnchecked() {
    assertThat(create(TEMPLATE, template("""
        - name: m
          interval: 60
          provider: {prometheus: {address: "http://p:9090", query: up}}
        """))).containsExactly(
        "spec.metrics[0].interval: Invalid value: \"integer\": spec.metrics[0].interval in body must be of type string:"
            + " \"integer\"",
        "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid;"
            + " correct the existing errors to complete validation");
  }

  @Test
  void defaultsAMetricAsArgoDoesAndNoDataToInconclusive() {
    ObjectNode object = Manifests.readAll(template("""
        - name: m
          provider: {prometheus: {address: "http://p:9090", query: up}}
        """)).get(0);
    TEMPLATE.pruneAndDefault(object);

    assertThat(object.at("/spec/metrics/0/failureLimit").asInt()).isZero();
    assertThat(object.at("/spec/metrics/0/inconclusiveLimit").asInt()).isZero();
    assertThat(object.at("/spec/metrics/0/consecutiveErrorLimit").asInt()).isEqualTo(4);
    assertThat(object.at("/spec/metrics/0/noData").asText()).isEqualTo("inconclusive");
    assertThat(object.at("/spec/metrics/0/provider/prometheus/timeout").asText()).isEqualTo("30s");
  }

  @Test
  void checksAnAnalysisRunsStatusPhases() {
    ObjectNode run = Manifests.readAll("""
        apiVersion: ramp.dev/v1alpha1
        kind: AnalysisRun
        metadata: {name: r}
        spec:
          metrics: [{name: m, provider: {prometheus: {address: "http://p:9090", query: up}}}]
        status:
          phase: Done
          metricResults: [{name: m, phase: Running, measurements: [{phase: Successful, value: "[0.97]"}]}]
        """).get(0);
    RUN.pruneAndDefault(run);

    assertThat(RUN.validateStatus(run, null)).extracting(FieldError::text).containsExactly(
        "phase: Unsupported value: \"Done\": supported values: \"Pending\", \"Running\", \"Successful\", \"Failed\","
            + " \"Error\", \"Inconclusive\"");
  }
}
