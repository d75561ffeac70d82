package dev.ramp.controller.plan;

import dev.ramp.api.rollout.RolloutStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The planner's decision for one reconcile: the writes to make, in order, the status to write after
 * them, the transitions to announce once that status is written, and when to look again if nothing
 * else happens first (a timed pause ending, a scale-down deadline).
 *
 * <p>The executor carries out {@code actions} in order and stops at the first that fails, so an
 * action placed after a traffic change never happens while the traffic change has not (traffic
 * first, scale second). {@code events} are emitted only after {@code status} was written, so a
 * reconcile that lost a conflict announces nothing.
 */
public record Plan(List<Action> actions, RolloutStatus status, List<Transition> events, Optional<Duration> requeueAfter) {

  public Plan {
    actions = List.copyOf(actions);
    events = List.copyOf(events);
  }
}
