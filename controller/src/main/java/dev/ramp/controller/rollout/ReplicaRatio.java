package dev.ramp.controller.rollout;

import dev.ramp.api.value.IntOrStrings;
import dev.ramp.controller.plan.ObservedReplicaSet;
import io.kubernetes.client.custom.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replica counts for a canary without a traffic router, where the canary's share of traffic is its
 * share of the pods. Each reconcile moves the counts toward their targets as far as {@code maxSurge}
 * (pods above {@code spec.replicas}) and {@code maxUnavailable} (available pods below it) allow, as a
 * Deployment's rolling update does.
 */
final class ReplicaRatio {

  /** Canary and stable pods for a weight: both rounded up, as Argo Rollouts' basic canary does. */
  record Targets(int canary, int stable) {}

  /**
   * One ReplicaSet in the move; {@code rs} is empty for a canary not created yet.
   *
   * @param desired its size ({@code spec.replicas}), after the move once {@link #step} returns it
   * @param target the size it is moving to
   */
  record Member(String name, Optional<ObservedReplicaSet> rs, int desired, int target) {

    static Member of(ObservedReplicaSet rs, int target) {
      return new Member(rs.name(), Optional.of(rs), rs.desiredReplicas(), target);
    }

    static Member missing(String name, int target) {
      return new Member(name, Optional.empty(), 0, target);
    }

    int available() {
      return rs.map(r -> Math.min(r.availableReplicas(), r.desiredReplicas())).orElse(0);
    }

    /** Sized at its target, with that many pods available. */
    boolean atTarget() {
      return desired == target && rs.map(r -> Revisions.readyAt(r, target)).orElse(target == 0);
    }

    Member withDesired(int newDesired) {
      return new Member(name, rs, newDesired, target);
    }
  }

  private ReplicaRatio() {}

  static Targets targets(int replicas, int weight) {
    if (weight <= 0) {
      return new Targets(0, replicas);
    }
    if (weight >= 100) {
      return new Targets(replicas, 0);
    }
    return new Targets(ceilPercent(replicas, weight), ceilPercent(replicas, 100 - weight));
  }

  /** Every member has its target size and all its pods available (pass the members after {@link #step}). */
  static boolean reached(List<Member> members) {
    return members.stream().allMatch(Member::atTarget);
  }

  /**
   * The members' sizes after one move, in the same order. Pods are removed first, from the end of the
   * list (the oldest revisions) to the front, those not available before any that serve, no more
   * than keeps {@code replicas - maxUnavailable} available; then members earlier in the list are
   * scaled up within {@code replicas + maxSurge}, counted over the sizes asked for (as a Deployment
   * counts them).
   */
  static List<Member> step(int replicas, IntOrString maxSurge, IntOrString maxUnavailable, List<Member> members) {
    int surge = IntOrStrings.scaledValue(maxSurge, replicas, true, "maxSurge");
    int unavailable = IntOrStrings.scaledValue(maxUnavailable, replicas, false, "maxUnavailable");
    if (surge == 0 && unavailable == 0) {
      unavailable = 1; // as a Deployment does: otherwise nothing could ever move
    }
    List<Member> out = new ArrayList<>(members);
    int available = out.stream().mapToInt(Member::available).sum();
    int budget = Math.max(0, available - Math.max(0, replicas - unavailable));
    for (int i = out.size() - 1; i >= 0; i--) {
      Member m = out.get(i);
      if (m.desired() > m.target()) {
        int notServing = Math.max(0, m.desired() - m.available());
        int cut = Math.min(m.desired() - m.target(), notServing + budget);
        budget -= Math.max(0, cut - notServing);
        out.set(i, m.withDesired(m.desired() - cut));
      }
    }
    int targetTotal = out.stream().mapToInt(Member::target).sum();
    int room = Math.max(replicas + surge, targetTotal) - out.stream().mapToInt(Member::desired).sum();
    for (int i = 0; i < out.size() && room > 0; i++) {
      Member m = out.get(i);
      if (m.desired() < m.target()) {
        int add = Math.min(room, m.target() - m.desired());
        out.set(i, m.withDesired(m.desired() + add));
        room -= add;
      }
    }
    return out;
  }

  private static int ceilPercent(int replicas, int percent) {
    return (int) ((replicas * (long) percent + 99) / 100);
  }
}
