package dev.ramp.controller.e2e;

import static dev.ramp.controller.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.reconcile.Planner;
import dev.ramp.controller.rollout.RolloutPlanner;
import dev.ramp.controller.testing.RunningController;
import dev.ramp.controller.testing.SandboxCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Rollout whose reconcile always throws does not crash-loop the controller nor hold up the others;
 * it is tried again with a growing backoff. The controller's time is the injected Clock.
 */
class RobustnessTest {
  private static final Duration CLOCK_OFFSET = Duration.ofHours(3);
  private static final AtomicInteger BOOM_CALLS = new AtomicInteger();
  private static SandboxCluster cluster;
  private static RunningController controller;

  @BeforeAll
  static void start() {
    RolloutPlanner real = new RolloutPlanner();
    Planner planner = observation -> {
      if (observation.rollout().getMetadata().getName().equals("boom")) {
        BOOM_CALLS.incrementAndGet();
        throw new IllegalStateException("a planner bug that only this Rollout meets");
      }
      return real.plan(observation);
    };
    cluster = SandboxCluster.start(false);
    controller = RunningController.start(cluster, Map.of("ramp.controller.leader-election.enabled", "false"),
        planner, Clock.offset(Clock.systemUTC(), CLOCK_OFFSET));
  }

  @AfterAll
  static void stop() {
    controller.close();
    cluster.close();
  }

  @Test
  void aRolloutThatAlwaysFailsIsRetriedWithBackoffAndOthersGoOn() {
    cluster.apply(SandboxCluster.resource("/rollouts/replica-ratio.yaml").replace("name: ratio", "name: boom"));
    await("the failing Rollout was tried", () -> BOOM_CALLS.get() > 0);
    long firstTry = System.nanoTime();

    cluster.apply(SandboxCluster.resource("/rollouts/replica-ratio.yaml"));
    await("the other Rollout is Healthy", () -> cluster.status("ratio").phase().equals(Optional.of(RolloutPhase.HEALTHY)),
        () -> cluster.describe("ratio"));

    long until = firstTry + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < until) {
      LockSupport.parkNanos(until - System.nanoTime());
    }
    // 10 ms doubling: about nine tries in three seconds; without backoff it would be hundreds
    assertThat(BOOM_CALLS.get()).as("tries in the first 3 s").isBetween(4, 15);
    assertThat(cluster.status("boom").phase()).isEmpty();
    assertThat(controller.isReconciling()).isTrue();
  }

  @Test
  void theControllersTimeIsTheInjectedClock() {
    cluster.apply(SandboxCluster.resource("/rollouts/replica-ratio.yaml").replace("name: ratio", "name: timed"));
    await("the Rollout is Healthy", () -> cluster.status("timed").phase().equals(Optional.of(RolloutPhase.HEALTHY)),
        () -> cluster.describe("timed"));

    OffsetDateTime stamped = cluster.status("timed").condition(RolloutCondition.HEALTHY).orElseThrow()
        .lastUpdateTime().orElseThrow();
    assertThat(Duration.between(OffsetDateTime.now(), stamped)).isGreaterThan(CLOCK_OFFSET.minusMinutes(5));
  }
}
