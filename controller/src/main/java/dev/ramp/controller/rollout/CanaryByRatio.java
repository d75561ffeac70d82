package dev.ramp.controller.rollout;

import static dev.ramp.controller.rollout.CanaryTraffic.bothSides;
import static dev.ramp.controller.rollout.CanaryTraffic.canarySide;
import static dev.ramp.controller.rollout.CanaryTraffic.recordWeight;
import static dev.ramp.controller.rollout.CanaryTraffic.stableSide;

import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.rollout.ReplicaRatio.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * A canary without a traffic router: each weight is a replica ratio, reached in moves that keep
 * within {@code maxSurge} and {@code maxUnavailable} ({@link ReplicaRatio}); promotion is the move
 * to 100%, abort and rollback the move back to the stable revision.
 */
final class CanaryByRatio {
  private CanaryByRatio() {}

  /** Whether this reconcile's move reaches the weight with all pods available (the step is done). */
  static boolean reached(Context ctx, CanaryStrategy canary, int weight) {
    return ReplicaRatio.reached(ReplicaRatio.step(ctx.replicas(), canary.maxSurge(), canary.maxUnavailable(),
        members(ctx, weight)));
  }

  /** Moves toward the weight of the step waited on (100% once all are done), or promotes once there. */
  static void progress(Context ctx, Draft d, CanaryStrategy canary, int weight, boolean promoting) {
    Revisions revs = ctx.revisions();
    String hash = revs.currentHash();
    if (promoting) {
      apply(ctx, d, canary, members(ctx, 100)); // the last old pods go with this move
      d.pin(bothSides(canary, hash));
      d.status(b -> b.stableRS(hash).currentStepIndex(canary.steps().size()).promoteFull(false));
      recordWeight(d, canary, 0, hash, hash);
      return;
    }
    d.pin(stableSide(canary, revs.stable().orElseThrow().podTemplateHash()));
    d.pin(canarySide(canary, hash)); // no router: the canary Service carries no weight of its own
    List<Member> moved = apply(ctx, d, canary, members(ctx, weight));
    if (!ReplicaRatio.reached(moved)) {
      d.waitFor(Wait.PODS, "scaling by replica ratio toward " + weight + "% canary: " + summary(d, moved));
    }
  }

  /** Everything back to the stable revision at full size, other revisions to zero, within the limits. */
  static void allToStable(Context ctx, Draft d, CanaryStrategy canary) {
    Revisions revs = ctx.revisions();
    List<Member> members = new ArrayList<>();
    members.add(Member.of(revs.stable().orElseThrow(), ctx.replicas()));
    if (!revs.currentIsStable()) {
      revs.current().ifPresent(rs -> members.add(Member.of(rs, 0)));
    }
    addOthers(members, revs);
    apply(ctx, d, canary, members);
  }

  /** Current (canary) first, then stable, then the others newest first, so the oldest go first. */
  private static List<Member> members(Context ctx, int weight) {
    Revisions revs = ctx.revisions();
    ReplicaRatio.Targets targets = ReplicaRatio.targets(ctx.replicas(), weight);
    List<Member> members = new ArrayList<>();
    members.add(revs.current().map(rs -> Member.of(rs, targets.canary()))
        .orElse(Member.missing(revs.currentName(), targets.canary())));
    members.add(Member.of(revs.stable().orElseThrow(), targets.stable()));
    addOthers(members, revs);
    return members;
  }

  private static void addOthers(List<Member> members, Revisions revs) {
    List<ObservedReplicaSet> others = revs.others();
    for (int i = others.size() - 1; i >= 0; i--) {
      members.add(Member.of(others.get(i), 0));
    }
  }

  private static List<Member> apply(Context ctx, Draft d, CanaryStrategy canary, List<Member> members) {
    List<Member> moved = ReplicaRatio.step(ctx.replicas(), canary.maxSurge(), canary.maxUnavailable(), members);
    for (Member m : moved) {
      if (m.rs().isEmpty()) {
        d.ensureCurrent(m.desired());
        continue;
      }
      if (!ctx.revisions().others().contains(m.rs().get())) {
        d.keep(m.rs().get());
      }
      d.scale(m.rs().get(), m.desired());
    }
    return moved;
  }

  private static String summary(Draft d, List<Member> members) {
    List<String> parts = new ArrayList<>();
    for (Member m : members) {
      if (m.rs().isPresent() || m.target() > 0) {
        int available = m.rs().map(rs -> Math.min(rs.availableReplicas(), d.plannedSize(rs))).orElse(0);
        parts.add(m.name() + " " + available + " available (" + m.target() + " wanted)");
      }
    }
    return String.join(", ", parts);
  }
}
