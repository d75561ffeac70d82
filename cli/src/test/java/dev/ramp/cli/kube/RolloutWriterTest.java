package dev.ramp.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import dev.ramp.cli.core.AbortDecision;
import dev.ramp.cli.core.Json;
import dev.ramp.cli.core.RolloutSnapshot;
import dev.ramp.cli.core.Snapshots;
import dev.ramp.cli.kube.RolloutWriter.Applied;
import dev.ramp.cli.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutWriterTest {

  /** Serves snapshots in turn, records patches, answers a 409 for as many patches as asked. */
  static final class FakeRollouts implements RolloutAccess {
    final Deque<RolloutSnapshot> reads = new ArrayDeque<>();
    final Deque<JsonObject> polls = new ArrayDeque<>();
    final List<String> patches = new ArrayList<>();
    int conflicts;

    @Override
    public RolloutSnapshot snapshot(String namespace, String name) {
      return reads.size() > 1 ? reads.pop() : reads.peek();
    }

    @Override
    public JsonObject get(String namespace, String name) {
      return polls.size() > 1 ? polls.pop() : polls.peek();
    }

    @Override
    public JsonObject patch(String namespace, String name, boolean status, JsonObject patch) {
      patches.add((status ? "status " : "spec ") + patch);
      if (conflicts > 0) {
        conflicts--;
        throw new ConflictException("the object has been modified");
      }
      JsonObject written = reads.peek().raw().deepCopy();
      written.getAsJsonObject("status").addProperty("abort", true);
      written.getAsJsonObject("metadata").addProperty("resourceVersion", "99");
      return written;
    }
  }

  private static JsonObject withStatus(RolloutSnapshot snapshot, String status) {
    JsonObject raw = snapshot.raw().deepCopy();
    raw.add("status", JsonParser.parseString(status));
    return raw;
  }

  @Test
  void aWriteCarriesTheResourceVersionItWasDecidedOn() {
    FakeTime time = new FakeTime();
    FakeRollouts rollouts = new FakeRollouts();
    RolloutSnapshot paused = Snapshots.canary(Snapshots.PAUSED_AT_STEP_2);
    rollouts.reads.add(paused);
    rollouts.polls.add(withStatus(paused, Snapshots.ABORTED));

    Applied applied = new RolloutWriter(rollouts, time, time.sleeper())
        .apply("shop", "web", "abort", AbortDecision::decide, Duration.ofSeconds(30));

    assertThat(rollouts.patches).containsExactly(
        "status {\"status\":{\"abort\":true},\"metadata\":{\"resourceVersion\":\"41\"}}");
    assertThat(applied).isInstanceOf(Applied.Acknowledged.class);
    assertThat(((Applied.Acknowledged) applied).after().status().abortedAt()).isPresent();
  }

  @Test
  void aConflictMeansReadAgainAndDecideAgain() {
    FakeTime time = new FakeTime();
    FakeRollouts rollouts = new FakeRollouts();
    RolloutSnapshot first = Snapshots.canary(Snapshots.PAUSED_AT_STEP_2);
    JsonObject newer = first.raw().deepCopy();
    newer.getAsJsonObject("metadata").addProperty("resourceVersion", "42");
    RolloutSnapshot second = new RolloutSnapshot(Snapshots.rollout(newer), newer, first.replicaSets());
    rollouts.reads.add(first);
    rollouts.reads.add(second);
    rollouts.polls.add(withStatus(first, Snapshots.ABORTED));
    rollouts.conflicts = 1;
    List<String> decidedOn = new ArrayList<>();

    new RolloutWriter(rollouts, time, time.sleeper()).apply("shop", "web", "abort", s -> {
      decidedOn.add(Json.string(s.raw(), "metadata", "resourceVersion").orElseThrow());
      return AbortDecision.decide(s);
    }, Duration.ofSeconds(30));

    assertThat(decidedOn).containsExactly("41", "42");
    assertThat(rollouts.patches).hasSize(2);
    assertThat(rollouts.patches.get(1)).contains("\"resourceVersion\":\"42\"");
  }

  @Test
  void aRolloutTheControllerDoesNotAnswerForEndsWithNotFinishedAndSaysWhatWasAwaited() {
    FakeTime time = new FakeTime();
    FakeRollouts rollouts = new FakeRollouts();
    RolloutSnapshot paused = Snapshots.canary(Snapshots.PAUSED_AT_STEP_2);
    rollouts.reads.add(paused);
    rollouts.polls.add(withStatus(paused, Snapshots.PAUSED_AT_STEP_2.replace("\"controllerPause\":true",
        "\"controllerPause\":true,\"abort\":true")));

    assertThatThrownBy(() -> new RolloutWriter(rollouts, time, time.sleeper())
        .apply("shop", "web", "abort", AbortDecision::decide, Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(CliException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FINISHED);
          assertThat(e.getMessage()).isEqualTo("the abort of rollout web is written, but the controller did not carry"
              + " out the abort (status.abortedAt) within 30s: is it running? (`kubectl ramp version` looks for it)");
        });
    assertThat(time.instant()).isAfterOrEqualTo(Instant.parse("2026-03-01T10:00:30Z"));
  }

  @Test
  void aRefusalWritesNothing() {
    FakeTime time = new FakeTime();
    FakeRollouts rollouts = new FakeRollouts();
    rollouts.reads.add(Snapshots.canary(Snapshots.HEALTHY));

    assertThatThrownBy(() -> new RolloutWriter(rollouts, time, time.sleeper())
        .apply("shop", "web", "abort", AbortDecision::decide, Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED));
    assertThat(rollouts.patches).isEmpty();
  }

  @Test
  void withTimeoutZeroTheWriteIsNotAwaited() {
    FakeTime time = new FakeTime();
    FakeRollouts rollouts = new FakeRollouts();
    rollouts.reads.add(Snapshots.canary(Snapshots.PAUSED_AT_STEP_2));

    Applied applied = new RolloutWriter(rollouts, time, time.sleeper())
        .apply("shop", "web", "abort", AbortDecision::decide, Duration.ZERO);

    assertThat(applied).isInstanceOf(Applied.NotAwaited.class);
    assertThat(rollouts.patches).hasSize(1);
  }
}
