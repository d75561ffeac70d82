package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.e2e.harness.E2eExtension;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.RolloutView;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.Timeline;
import dev.ramp.e2e.harness.TrafficFollower;
import dev.ramp.e2e.harness.World;
import dev.ramp.sandbox.prometheus.PrometheusServer;
import dev.ramp.sandbox.prometheus.SimulatedWorkload;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each step judged by the numbers: a real Prometheus scrapes a simulated workload whose traffic follows
 * the weights the controller writes to the VirtualService, each revision failing its own share of
 * requests. The canary (1.1) is measured by its success rate at 20% before it gets 60%.
 */
@ExtendWith(E2eExtension.class)
class AnalysisScenariosTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String CANARY = Images.demoApp("1.1");

  private SimulatedWorkload workload;
  private PrometheusServer prometheus;

  /** Starts the workload and Prometheus, applies the Rollout and its template, waits for 1.0 to be Healthy. */
  private TrafficFollower start(Scenario s) {
    workload = SimulatedWorkload.start(Clock.systemUTC(), Map.of("namespace", s.namespace())).requestRate(200);
    prometheus = PrometheusServer.start(List.of(workload.target()));
    TrafficFollower follower = TrafficFollower.follow(s, workload, "web", "primary");
    s.apply("analysis-canary", Map.of("PROMETHEUS", prometheus.url().getAuthority()));
    s.awaitHealthy("web", TIMEOUT);
    prometheus.awaitTargetsUp(Duration.ofSeconds(10));
    return follower;
  }

  @AfterEach
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (workload != null) {
      workload.close();
    }
  }

  private static int canaryWeight(World w) {
    return w.weight("web", "primary", "web-canary").orElse(-1);
  }

  @Test
  void aCanaryFailingThirtyPercentIsAbortedWithAllTrafficBackOnStable(Scenario s) {
    start(s).errorRatio(CANARY, 0.30);
    World before = s.now();
    String v1 = before.rollout("web").stableHash();
    s.setImage("web", CANARY);
    String v2 = s.awaitRevision("web", CANARY, TIMEOUT);

    World aborted = s.awaitRollout("web", "aborted by the analysis", TIMEOUT,
        r -> r.aborted() && r.phase().equals("Degraded"));
    assertThat(aborted.rollout("web").message()).as("says which metric").contains("success-rate");
    World end = s.await("all traffic on stable and the canary scaled to 0", TIMEOUT,
        w -> canaryWeight(w) == 0 && w.serviceHash("web-canary").equals(v1)
            && w.replicaSet("web", v2).map(rs -> rs.desired() == 0).orElse(true));
    assertThat(end.analysisRuns("web")).extracting(run -> run.at("/status/phase").asText()).contains("Failed");
    List<World> history = s.timeline().since(before);
    assertThat(history).noneMatch(w -> w.rollout("web").stableHash().equals(v2));
    assertThat(history).allMatch(w -> canaryWeight(w) <= 20);
    assertThat(end.serviceHash("web-stable")).isEqualTo(v1);
  }

  @Test
  void aCanaryFailingHalfAPercentIsPromotedWithoutHelp(Scenario s) {
    start(s).errorRatio(CANARY, 0.005);
    World before = s.now();
    s.setImage("web", CANARY);
    String v2 = s.awaitRevision("web", CANARY, TIMEOUT);

    World end = s.awaitHealthy("web", TIMEOUT);
    assertThat(end.rollout("web").stableHash()).isEqualTo(v2);
    assertThat(end.analysisRuns("web")).extracting(run -> run.at("/status/phase").asText()).contains("Successful");
    assertThat(Timeline.distinct(s.timeline().since(before), w -> w.weight("web", "primary", "web-canary")))
        .containsExactly(0, 20, 60, 0);
  }

  @Test
  void prometheusGoingAwayDuringTheAnalysisEndsInAbortNeverInPromotion(Scenario s) {
    start(s);
    World before = s.now();
    s.setImage("web", CANARY);
    String v2 = s.awaitRevision("web", CANARY, TIMEOUT);
    s.await("the step's AnalysisRun created", TIMEOUT, w -> !w.analysisRuns("web").isEmpty());
    prometheus.close(); // before the first measurement (initialDelay 3s): every measurement is an Error

    World aborted = s.awaitRollout("web", "aborted after consecutiveErrorLimit (2) errors", TIMEOUT,
        r -> r.aborted() && r.phase().equals("Degraded"));
    ObjectNode run = aborted.analysisRuns("web").get(0);
    assertThat(run.at("/status/phase").asText()).isEqualTo("Error");
    s.await("all traffic on stable", TIMEOUT, w -> canaryWeight(w) == 0);
    List<World> history = s.timeline().since(before);
    assertThat(history).noneMatch(w -> w.rollout("web").stableHash().equals(v2));
    assertThat(history).allMatch(w -> canaryWeight(w) <= 20);
  }

  @Test
  void anInconclusiveResultPausesUntilPromoted(Scenario s) {
    start(s).errorRatio(CANARY, 0.10); // 90% success: neither >= 95% nor < 80%
    s.setImage("web", CANARY);
    String v2 = s.awaitRevision("web", CANARY, TIMEOUT);

    World paused = s.awaitRollout("web", "paused for an inconclusive analysis", TIMEOUT,
        r -> r.pauseReasons().contains("InconclusiveAnalysisRun"));
    assertThat(paused.rollout("web").phase()).isEqualTo("Paused");
    assertThat(canaryWeight(paused)).isEqualTo(20);
    assertThat(paused.analysisRuns("web")).extracting(run -> run.at("/status/phase").asText())
        .contains("Inconclusive");

    s.promote("web");
    World end = s.awaitHealthy("web", TIMEOUT);
    RolloutView rollout = end.rollout("web");
    assertThat(rollout.stableHash()).isEqualTo(v2);
  }
}
