package dev.ramp.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.e2e.harness.E2eExtension;
import dev.ramp.e2e.harness.EventView;
import dev.ramp.e2e.harness.Images;
import dev.ramp.e2e.harness.Scenario;
import dev.ramp.e2e.harness.Timeline;
import dev.ramp.e2e.harness.World;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** All rollout state lives in the Rollout's status: a controller killed mid-rollout resumes where it was. */
@ExtendWith(E2eExtension.class)
class ControllerRestartTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PAUSE = Duration.ofSeconds(10);
  /** The controller acts on a timed pause's end within this (a requeue, a watch event, a status write). */
  private static final Duration SLACK = Duration.ofMillis(2500);

  @Test
  void aControllerKilledInATimedPauseResumesWithoutRestartingThePauseOrRepeatingAStep(Scenario s) {
    s.apply("istio-host-split-long-pause");
    World start = s.awaitHealthy("web", TIMEOUT);
    s.setImage("web", Images.demoApp("1.1"));
    World paused = s.awaitRollout("web", "in the 10 s pause of step 2", TIMEOUT,
        r -> r.stepIndex() == 1 && r.pauseStart("CanaryPauseStep").isPresent());
    OffsetDateTime pauseStart = paused.rollout("web").pauseStart("CanaryPauseStep").orElseThrow();
    // Events follow the status write; killed between the two, the controller never announces that
    // transition, so the kill waits for them to check that none is announced twice
    s.awaitEvent("web", "RolloutPaused", TIMEOUT);

    s.controller().kill();
    World down = s.now();
    s.controller().start();
    World back = s.now();
    assertThat(back.rollout("web").pauseStart("CanaryPauseStep"))
        .as("the pause was not over when the controller came back, so the scenario tests a restart in it")
        .isPresent();

    s.awaitRollout("web", "past the pause", TIMEOUT, r -> r.stepIndex() >= 2);
    World end = s.awaitHealthy("web", TIMEOUT);
    List<World> history = s.timeline().since(start);

    // the pause kept its start and ended at start + 10 s, not 10 s after the restart
    assertThat(history.stream().filter(w -> w.rollout("web").stepIndex() == 1)
        .map(w -> w.rollout("web").pauseStart("CanaryPauseStep"))
        .flatMap(Optional::stream).distinct().toList())
        .as("start times of the step-2 pause").containsExactly(pauseStart);
    World pauseOver = Timeline.after(history, "the rollout left the pause", w -> w.rollout("web").stepIndex() == 1,
        w -> w.rollout("web").stepIndex() >= 2);
    Instant due = pauseStart.toInstant().plus(PAUSE);
    assertThat(pauseOver.at()).as("when the pause ended (due " + due + ")")
        .isAfterOrEqualTo(due.minusMillis(500)).isBefore(due.plus(SLACK));
    // nothing happened while no controller ran; nothing was done twice after
    assertThat(back.rollout("web").object().at("/metadata/resourceVersion").asText())
        .as("the Rollout did not change while no controller ran")
        .isEqualTo(down.rollout("web").object().at("/metadata/resourceVersion").asText());
    assertThat(Timeline.distinct(history, w -> w.weight("web", "primary", "web-canary")))
        .containsExactly(0, 20, 60, 0);
    List<Integer> steps = Timeline.distinct(history, w -> Optional.of(w.rollout("web").stepIndex()));
    assertThat(steps.subList(steps.indexOf(0), steps.size())).as("step index over the update, from 0")
        .isSorted().doesNotHaveDuplicates().endsWith(4);
    s.awaitEvent("web", "RolloutPromoted", TIMEOUT);
    List<String> completed = s.events("web").stream().filter(e -> e.reason().equals("StepCompleted"))
        .map(EventView::message).toList();
    assertThat(completed).as("StepCompleted events, each step once").hasSize(4).doesNotHaveDuplicates();
    assertThat(s.events("web")).filteredOn(e -> e.reason().equals("RolloutPaused")).extracting(EventView::message)
        .hasSize(2).doesNotHaveDuplicates();
    assertThat(end.rollout("web").stableHash()).isEqualTo(end.rollout("web").currentPodHash());
  }
}
