package dev.ramp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.cli.core.Snapshots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListRendererTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:02:00Z");

  @Test
  void oneRowPerRolloutWithItsPhaseStepAndWeight() {
    var paused = Snapshots.canary(Snapshots.PAUSED_AT_STEP_2).rollout();
    var healthy = Snapshots.blueGreen("{\"phase\":\"Healthy\",\"availableReplicas\":2}").rollout();

    assertThat(ListRenderer.render(List.of(paused, healthy), false, NOW, Style.plain(1000))).isEqualTo("""
        NAME  STRATEGY   STATUS   STEP  WEIGHT  READY  AGE
        web   Canary     Paused   2/6   20%     5/4    62m
        web   BlueGreen  Healthy  -     -       2/2    62m
        """);
  }

  @Test
  void allNamespacesAddsTheNamespaceColumnAndSaysWhenAborted() {
    var aborted = Snapshots.canary(Snapshots.ABORTED).rollout();

    assertThat(ListRenderer.render(List.of(aborted), true, NOW, Style.plain(1000))).isEqualTo("""
        NAMESPACE  NAME  STRATEGY  STATUS              STEP  WEIGHT  READY  AGE
        shop       web   Canary    Degraded (aborted)  1/6   0%      4/4    62m
        """);
  }
}
