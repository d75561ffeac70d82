package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.World.ACTIVE_SERVICE;
import static dev.ramp.controller.rollout.World.CANARY_SERVICE;
import static dev.ramp.controller.rollout.World.analysisStep;
import static dev.ramp.controller.rollout.World.istio;
import static dev.ramp.controller.rollout.World.pause;
import static dev.ramp.controller.rollout.World.steps;
import static dev.ramp.controller.rollout.World.weight;
import static dev.ramp.controller.rollout.World.withBackground;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many states, reached by random (but seeded, so repeatable) sequences of what happens around a
 * Rollout: pods coming up or failing, time passing, people promoting, aborting, retrying, pausing,
 * changing the image, analyses reaching verdicts. After every reconcile the world is checked for
 * idempotence (by {@link World#step()}) and for the safety rules traffic depends on.
 */
class RandomWalkTest {

  static Stream<Arguments> walks() {
    List<Arguments> walks = new ArrayList<>();
    for (int seed = 1; seed <= 40; seed++) {
      walks.add(Arguments.of("routed canary", seed));
      walks.add(Arguments.of("ratio canary", seed));
      walks.add(Arguments.of("blue-green", seed));
    }
    return walks.stream();
  }

  private static Supplier<World> world(String kind) {
    return switch (kind) {
      case "routed canary" -> () -> World.canary(withBackground(istio(steps(weight(20), pause("45s"),
          analysisStep("success-rate"), weight(50), pause(), weight(80))), "errors", 2));
      case "ratio canary" -> () -> World.canary(steps(weight(30), pause("1m"), analysisStep("success-rate"),
          weight(60), pause()));
      default -> () -> World.blueGreen(World.blueGreenStrategy(false, 0, 3, "smoke", "errors"));
    };
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("walks")
  void everyStateIsIdempotentAndTrafficSafe(String kind, int seed) {
    Random random = new Random(seed);
    World w = world(kind).get().healthy();
    List<String> trace = new ArrayList<>();
    try {
      walk(kind, random, w, trace);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nafter:\n  " + String.join("\n  ", trace), e);
    }
  }

  private static void walk(String kind, Random random, World w, List<String> trace) {
    int image;
    for (int i = 0; i < 80; i++) {
      int event = random.nextInt(100);
      trace.add(describe(event) + " -> " + w.phase() + " " + w.statusNow().currentStepIndex().orElse(-1)
          + " " + w.statusNow().message().orElse(""));
      if (event < 40) {
        w.podsReady();
      } else if (event < 50) {
        w.advance(Duration.ofSeconds(1 + random.nextInt(90)));
      } else if (event < 56) {
        image = 1 + random.nextInt(4);
        w.image("web:" + image);
        trace.add("   image web:" + image);
      } else if (event < 64) {
        w.promote();
      } else if (event < 67) {
        w.abort();
      } else if (event < 70) {
        w.retry();
      } else if (event < 72) {
        w.promoteFull();
      } else if (event < 74) {
        w.paused(random.nextBoolean());
      } else if (event < 78) {
        String current = currentImage(w);
        if (w.hasRs(current)) {
          w.podsNotReady(current);
        }
      } else {
        List<String> active = w.runs().values().stream()
            .filter(r -> !r.terminated && !r.phase.isCompleted())
            .map(r -> r.created.name())
            .toList();
        if (!active.isEmpty()) {
          AnalysisPhase[] verdicts = {AnalysisPhase.SUCCESSFUL, AnalysisPhase.SUCCESSFUL, AnalysisPhase.RUNNING,
              AnalysisPhase.FAILED, AnalysisPhase.ERROR, AnalysisPhase.INCONCLUSIVE};
          String run = active.get(random.nextInt(active.size()));
          AnalysisPhase verdict = verdicts[random.nextInt(verdicts.length)];
          w.runPhase(run, verdict, "m");
          trace.add("   " + run + " " + verdict);
        }
      }
      RolloutStatus before = w.statusNow();
      Plan plan = w.step();
      trace.add("   plan " + plan.actions());
      checkTrafficSafety(kind, w, before, plan);
    }
  }

  private static String describe(int event) {
    if (event < 40) {
      return "pods ready";
    } else if (event < 50) {
      return "time passes";
    } else if (event < 56) {
      return "image";
    } else if (event < 64) {
      return "promote";
    } else if (event < 67) {
      return "abort";
    } else if (event < 70) {
      return "retry";
    } else if (event < 72) {
      return "promote full";
    } else if (event < 74) {
      return "pause/resume";
    } else if (event < 78) {
      return "pods fail";
    }
    return "analysis verdict";
  }

  private static String currentImage(World w) {
    for (int v = 1; v <= 4; v++) {
      if (w.statusNow().currentPodHash().equals(java.util.Optional.of(World.hash("web:" + v)))) {
        return "web:" + v;
      }
    }
    throw new AssertionError("unknown current hash");
  }

  private static void checkTrafficSafety(String kind, World w, RolloutStatus before, Plan plan) {
    RolloutStatus s = w.statusNow();
    String stable = s.stableRS().orElseThrow();
    World.Rs stableRs = w.replicaSets().values().stream().filter(rs -> rs.hash.equals(stable)).findFirst()
        .orElseThrow();
    if (!kind.equals("ratio canary")) {
      assertThat(stableRs.desired).as("the stable ReplicaSet keeps its full size").isEqualTo(10);
    } else {
      int asked = w.replicaSets().values().stream().mapToInt(rs -> rs.desired).sum();
      assertThat(asked).as("pods asked for within maxSurge").isLessThanOrEqualTo(13);
    }
    // spec.paused freezes traffic where it is, even on a canary a newer template has superseded
    if (kind.equals("routed canary") && w.weight().orElse(0) > 0 && !w.rollout().spec().paused()) {
      String canaryHash = w.selector(CANARY_SERVICE);
      assertThat(canaryHash).as("weight goes to the current revision only").isEqualTo(s.currentPodHash().orElseThrow());
      World.Rs canary = w.replicaSets().values().stream().filter(rs -> rs.hash.equals(canaryHash)).findFirst()
          .orElseThrow();
      assertThat(canary.desired).as("weight on a canary with pods").isPositive();
      assertThat(s.abort() && s.abortedAt().isPresent()).as("no weight on an aborted canary").isFalse();
    }
    if (kind.equals("blue-green")) {
      String active = w.selector(ACTIVE_SERVICE);
      World.Rs activeRs = w.replicaSets().values().stream().filter(rs -> rs.hash.equals(active)).findFirst()
          .orElseThrow();
      assertThat(activeRs.desired).as("the active Service selects a full-size revision").isEqualTo(10);
    }
    int scaleIndex = firstIndex(plan, Action.ScaleReplicaSet.class);
    int weightZero = plan.actions().indexOf(new Action.SetCanaryWeight(0));
    if (weightZero >= 0 && scaleIndex >= 0) {
      assertThat(weightZero).as("traffic moves before anything scales").isLessThan(scaleIndex);
    }
    assertThat(plan.events().stream().filter(t -> t.reason().equals("RolloutAborted")).count())
        .isEqualTo(before.abortedAt().isEmpty() && s.abortedAt().isPresent() ? 1 : 0);
  }

  private static int firstIndex(Plan plan, Class<?> type) {
    for (int i = 0; i < plan.actions().size(); i++) {
      if (type.isInstance(plan.actions().get(i))) {
        return i;
      }
    }
    return -1;
  }
}
