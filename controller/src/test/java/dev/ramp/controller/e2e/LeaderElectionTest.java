package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two controller replicas against one sandbox: one leads, the standby keeps warm caches and takes over. */
class LeaderElectionTest {
  private static final Map<String, Object> ELECTION = Map.of(
      "ramp.controller.leader-election.enabled", "true",
      "ramp.controller.leader-election.lease-namespace", "default",
      "ramp.controller.leader-election.lease-duration", "2s",
      "ramp.controller.leader-election.renew-deadline", "1s",
      "ramp.controller.leader-election.retry-period", "200ms");

  private SandboxCluster cluster;
  private RunningController first;
  private RunningController second;

  @BeforeEach
  void start() {
    cluster = SandboxCluster.start(false);
    first = RunningController.start(cluster, ELECTION);
    await("the first replica leads", first::isReconciling);
    second = RunningController.start(cluster, ELECTION);
  }

  @AfterEach
  void stop() {
    second.close();
    first.close();
    cluster.close();
  }

  @Test
  void theStandbyKeepsWarmCachesAndTakesOverWithinFiveSecondsOfTheLeadersEnd() {
    cluster.apply(SandboxCluster.resource("/rollouts/replica-ratio.yaml"));
    await("the leader makes the Rollout Healthy",
        () -> cluster.status("ratio").phase().equals(Optional.of(RolloutPhase.HEALTHY)));
    Caches standbyCaches = second.context().getBean(Caches.class);
    await("the standby's caches are warm", () -> standbyCaches.hasSynced() && standbyCaches.rollouts().size() == 1);
    assertThat(second.isReconciling()).isFalse();

    long stopped = System.nanoTime();
    first.close();

    await("the standby leads", Duration.ofSeconds(5), second::isReconciling, () -> "");
    assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));
    cluster.setImage("ratio", "example/app:2");
    await("the new leader moves the rollout", () -> cluster.status("ratio").phase()
        .equals(Optional.of(RolloutPhase.PAUSED)), () -> cluster.describe("ratio"));
  }

  @Test
  void aLeaderThatLosesItsLeaseStopsAtOnceAndLeadershipComesBack() throws Exception {
    CoordinationV1Api leases = new CoordinationV1Api(cluster.client());
    V1Lease lease = leases.readNamespacedLease("ramp-controller", "default").execute();
    lease.getSpec().holderIdentity("someone-else").renewTime(OffsetDateTime.now());
    leases.replaceNamespacedLease("ramp-controller", "default", lease).execute();

    long taken = System.nanoTime();
    await("the old leader stops reconciling", Duration.ofSeconds(3), () -> !first.isReconciling(), () -> "");
    assertThat(second.isReconciling()).isFalse();
    await("a replica leads again once the foreign lease expires", Duration.ofSeconds(6),
        () -> first.isReconciling() ^ second.isReconciling(), () -> "");
    assertThat(Duration.ofNanos(System.nanoTime() - taken)).isLessThan(Duration.ofSeconds(6));
  }
}
