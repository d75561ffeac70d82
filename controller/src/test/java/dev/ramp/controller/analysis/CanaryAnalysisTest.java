package dev.ramp.controller.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ramp.api.RampClients;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A canary with inline analysis steps over an Istio host split, judged by WireMock playing Prometheus:
 * a revision whose success rate is good is promoted with nobody touching it; one whose success rate is
 * bad is aborted with all traffic back on stable, and the Rollout says which metric, value and limit.
 */
class CanaryAnalysisTest {
  private static SandboxCluster cluster;
  private static RunningController controller;
  private static WireMockServer prometheus;

  @BeforeAll
  static void start() {
    prometheus = new WireMockServer(wireMockConfig().dynamicPort());
    prometheus.start();
    cluster = SandboxCluster.start(true);
    controller = RunningController.start(cluster);
    cluster.apply("""
        apiVersion: ramp.dev/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: success-rate
        spec:
          args:
          - name: app
          - name: pod-hash
          metrics:
          - name: success-rate
            interval: 300ms
            count: 2
            successCondition: result[0] >= 0.95
            provider:
              prometheus:
                address: http://127.0.0.1:%d
                query: |
                  sum(rate(http_requests_total{app="{{args.app}}", rollouts_pod_template_hash="{{args.pod-hash}}", code!~"5.."}[2m]))
                  / sum(rate(http_requests_total{app="{{args.app}}", rollouts_pod_template_hash="{{args.pod-hash}}"}[2m]))
        """.formatted(prometheus.port()));
  }

  @AfterAll
  static void stop() {
    controller.close();
    cluster.close();
    prometheus.stop();
  }

  @Test
  void aHealthyRevisionIsPromotedWithoutHelp() {
    successRate("good", 0.995);
    cluster.apply(rollout("good", "success-rate"));
    await("the first revision is Healthy", () -> phase("good", RolloutPhase.HEALTHY), () -> cluster.describe("good"));
    String stable = cluster.status("good").stableRS().orElseThrow();

    cluster.setImage("good", "example/good:2");

    await("the new revision is promoted", () -> phase("good", RolloutPhase.HEALTHY)
        && !cluster.status("good").stableRS().equals(Optional.of(stable)), () -> cluster.describe("good"));
    assertThat(cluster.weights("good")).isEqualTo("good-stable=100 good-canary=0");
    List<AnalysisRun> runs = runsOf("good");
    assertThat(runs).as("one run per analysis step").hasSize(2)
        .allSatisfy(run -> assertThat(run.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL));
  }

  @Test
  void aFailingRevisionIsAbortedWithTrafficBackOnStableAndTheConditionSaysWhy() {
    successRate("bad", 0.7);
    cluster.apply(rollout("bad", "success-rate"));
    await("the first revision is Healthy", () -> phase("bad", RolloutPhase.HEALTHY), () -> cluster.describe("bad"));
    String stable = cluster.status("bad").stableRS().orElseThrow();

    cluster.setImage("bad", "example/bad:2");

    await("the update is aborted", () -> phase("bad", RolloutPhase.DEGRADED), () -> cluster.describe("bad"));
    assertThat(cluster.weights("bad")).isEqualTo("bad-stable=100 bad-canary=0");
    assertThat(cluster.status("bad").stableRS()).contains(stable);
    String expected = "metric \"success-rate\" Failed: successCondition \"result[0] >= 0.95\" is false for [0.7]"
        + " (1 Failed measurement, more than failureLimit 0)";
    assertThat(cluster.status("bad").condition(RolloutCondition.PROGRESSING).orElseThrow().message())
        .hasValueSatisfying(m -> assertThat(m).startsWith("Rollout aborted: AnalysisRun ").contains(expected));
    await("the abort is announced with the reason", () -> eventMessages("bad", "RolloutAborted").stream()
        .anyMatch(m -> m.contains(expected)), () -> eventMessages("bad", "RolloutAborted").toString());
  }

  @Test
  void finishedRunsBeyondTheRolloutsHistoryAreDeleted() {
    successRate("kept", 0.995);
    cluster.apply(rollout("kept", "success-rate").replace("  replicas: 2",
        "  analysis: {successfulRunHistoryLimit: 1, unsuccessfulRunHistoryLimit: 0}\n  replicas: 2"));
    await("the first revision is Healthy", () -> phase("kept", RolloutPhase.HEALTHY), () -> cluster.describe("kept"));

    for (String image : List.of("example/kept:2", "example/kept:3")) {
      String before = cluster.status("kept").stableRS().orElseThrow();
      cluster.setImage("kept", image);
      await("the new revision is promoted", () -> phase("kept", RolloutPhase.HEALTHY)
          && !cluster.status("kept").stableRS().equals(Optional.of(before)), () -> cluster.describe("kept"));
    }

    // six runs were made; kept: the one the status still refers to (the last step's) and one more
    String current = cluster.status("kept").stableRS().orElseThrow();
    await("the runs beyond the history are deleted", () -> {
      List<String> names = runsOf("kept").stream().map(r -> r.getMetadata().getName()).toList();
      return names.size() == 2 && names.contains("kept-" + current + "-step-3");
    },
        () -> runsOf("kept").stream().map(r -> r.getMetadata().getName() + "=" + r.status().phase()).toList()
            + " " + cluster.describe("kept"));
  }

  @Test
  void aConditionThatDoesNotCompileStopsTheRolloutBeforeAnyRunNamingTemplateMetricAndError() {
    cluster.apply("""
        apiVersion: ramp.dev/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: broken
        spec:
          metrics:
          - name: error-rate
            successCondition: result[0] <
            provider:
              prometheus:
                address: http://127.0.0.1:%d
                query: error_rate
        """.formatted(prometheus.port()));
    cluster.apply(rollout("broken", "broken"));

    await("the Rollout is Degraded", () -> phase("broken", RolloutPhase.DEGRADED), () -> cluster.describe("broken"));
    assertThat(cluster.status("broken").condition(RolloutCondition.INVALID_SPEC).orElseThrow().message())
        .hasValueSatisfying(m -> assertThat(m)
            .contains("AnalysisTemplate default/broken, metric \"error-rate\" successCondition: ")
            .contains("result[0] <"));
    assertThat(runsOf("broken")).isEmpty();
  }

  private static void successRate(String app, double value) {
    prometheus.stubFor(post(urlPathEqualTo("/api/v1/query"))
        .withRequestBody(containing(URLEncoder.encode("app=\"" + app + "\"", StandardCharsets.UTF_8)))
        .willReturn(okJson(AnalysisRunControllerTest.vector(value))));
  }

  private static String rollout(String name, String template) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: NAME-canary
        spec:
          selector:
            app: NAME
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: NAME-stable
        spec:
          selector:
            app: NAME
          ports:
          - port: 80
        ---
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: NAME
        spec:
          hosts:
          - NAME
          http:
          - name: primary
            route:
            - destination:
                host: NAME-stable
              weight: 100
            - destination:
                host: NAME-canary
              weight: 0
        ---
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata:
          name: NAME
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: NAME
          template:
            metadata:
              labels:
                app: NAME
            spec:
              containers:
              - name: app
                image: example/NAME:1
          strategy:
            canary:
              canaryService: NAME-canary
              stableService: NAME-stable
              scaleDownDelaySeconds: 1
              trafficRouting:
                istio:
                  virtualService:
                    name: NAME
                    routes:
                    - primary
              steps:
              - setWeight: 20
              - analysis:
                  templates:
                  - templateName: TEMPLATE
                  args: ARGS
              - setWeight: 60
              - analysis:
                  templates:
                  - templateName: TEMPLATE
                  args: ARGS
        """.replace("ARGS", template.equals("success-rate")
            ? "[{name: app, value: NAME}, {name: pod-hash, valueFrom: {podTemplateHashValue: Latest}}]" : "[]")
        .replace("NAME", name).replace("TEMPLATE", template);
  }

  private static boolean phase(String name, RolloutPhase phase) {
    return cluster.status(name).phase().equals(Optional.of(phase));
  }

  private static List<AnalysisRun> runsOf(String rollout) {
    String uid = cluster.rollout(rollout).getMetadata().getUid();
    return RampClients.analysisRuns(cluster.client()).list(SandboxCluster.NS).getObject().getItems().stream()
        .filter(run -> run.getMetadata().getOwnerReferences() != null && run.getMetadata().getOwnerReferences()
            .stream().anyMatch(owner -> uid.equals(owner.getUid())))
        .toList();
  }

  private static List<String> eventMessages(String rollout, String reason) {
    CoreV1EventList list = new GenericKubernetesApi<>(CoreV1Event.class, CoreV1EventList.class, "", "v1", "events",
        cluster.client()).list(SandboxCluster.NS).getObject();
    return list.getItems().stream()
        .filter(e -> rollout.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
        .map(CoreV1Event::getMessage)
        .toList();
  }

}
