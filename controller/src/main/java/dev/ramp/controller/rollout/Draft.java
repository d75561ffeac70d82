package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.RolloutAnalysisRunStatus;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.ObservedReplicaSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A plan being put together within one reconcile: the actions in order, the next status, the
 * AnalysisRuns still wanted, the earliest time to look again and what the update waits for. It
 * remembers what its own actions change (selectors, weight, sizes) so that no write is planned twice
 * and none at all where the observed world already matches. Lives only for one call of the planner.
 */
final class Draft {
  private final Context ctx;
  private final List<Action> actions = new ArrayList<>();
  private final Map<String, String> selectors;
  private final Map<String, Integer> sizes = new HashMap<>();
  private final Set<String> wantedRuns = new HashSet<>();
  private final Set<String> kept = new HashSet<>();
  private Optional<Integer> weight;
  private RolloutStatus status;
  private Instant wakeAt;
  private AbortCause abortRequest;
  private Wait wait = Wait.NOTHING;
  private String waitMessage = "";

  Draft(Context ctx) {
    this.ctx = ctx;
    this.status = ctx.status();
    this.selectors = new HashMap<>(ctx.traffic().selectors());
    this.weight = ctx.traffic().canaryWeight();
  }

  Context context() {
    return ctx;
  }

  List<Action> actions() {
    return List.copyOf(actions);
  }

  RolloutStatus status() {
    return status;
  }

  void status(UnaryOperator<RolloutStatus.Builder> change) {
    status = change.apply(status.toBuilder()).build();
  }

  void add(Action action) {
    actions.add(action);
  }

  /** The current revision's ReplicaSet at {@code replicas} pods: created when missing, scaled otherwise. */
  void ensureCurrent(int replicas) {
    Revisions revs = ctx.revisions();
    if (revs.current().isEmpty()) {
      if (!sizes.containsKey(revs.currentName())) {
        actions.add(new Action.CreateReplicaSet(revs.currentName(), revs.currentHash(), revs.nextRevision(), replicas));
        sizes.put(revs.currentName(), replicas);
      }
      return;
    }
    keep(revs.current().get());
    scale(revs.current().get(), replicas);
  }

  /** Sets a ReplicaSet's size unless it has that size already. */
  void scale(ObservedReplicaSet rs, int replicas) {
    int planned = sizes.getOrDefault(rs.name(), rs.desiredReplicas());
    if (planned != replicas) {
      actions.add(new Action.ScaleReplicaSet(rs.name(), replicas));
      sizes.put(rs.name(), replicas);
    }
  }

  /** The size a ReplicaSet has once this plan's actions are done. */
  int plannedSize(ObservedReplicaSet rs) {
    return sizes.getOrDefault(rs.name(), rs.desiredReplicas());
  }

  /** A ReplicaSet that serves again: a scale-down deadline left on it from earlier no longer holds. */
  void keep(ObservedReplicaSet rs) {
    if (rs.scaleDownAt().isPresent() && kept.add(rs.name())) {
      actions.add(new Action.SetScaleDownDeadline(rs.name(), Optional.empty()));
    }
  }

  /** Pins Services or subsets to revisions, writing only those that select something else now. */
  void pin(Map<String, String> wanted) {
    Map<String, String> changes = new LinkedHashMap<>();
    wanted.forEach((name, hash) -> {
      if (!hash.equals(selectors.get(name))) {
        changes.put(name, hash);
      }
    });
    if (!changes.isEmpty()) {
      actions.add(new Action.PinSelectors(changes));
      selectors.putAll(changes);
    }
  }

  /** Whether every one of these Services or subsets selects the given revision, counting this plan's pins. */
  boolean pinned(Map<String, String> wanted) {
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(selectors.get(e.getKey())));
  }

  /** Moves the canary's traffic weight, unless the router carries that weight already. */
  void setWeight(int canaryWeight) {
    if (weight.isEmpty() || weight.get() != canaryWeight) {
      actions.add(new Action.SetCanaryWeight(canaryWeight));
      weight = Optional.of(canaryWeight);
    }
  }

  /** The canary weight once this plan's actions are done; empty when unknown (routes disagree). */
  Optional<Integer> weight() {
    return weight;
  }

  /** Look again at {@code time} if nothing else wakes the Rollout first. */
  void wakeAt(Instant time) {
    if (time.isAfter(ctx.now()) && (wakeAt == null || time.isBefore(wakeAt))) {
      wakeAt = time;
    }
  }

  Optional<Instant> wakeAt() {
    return Optional.ofNullable(wakeAt);
  }

  /** Something this plan found (a failed analysis) calls for an abort; the planner plans again, aborting. */
  void requestAbort(AbortCause cause) {
    if (abortRequest == null) {
      abortRequest = cause;
    }
  }

  Optional<AbortCause> abortRequest() {
    return Optional.ofNullable(abortRequest);
  }

  /** This AnalysisRun is still needed; every other one that runs is terminated. */
  void want(String runName) {
    wantedRuns.add(runName);
  }

  /** Keeps every run the status refers to (a rollout held where it is keeps its analyses running). */
  void wantRecorded() {
    recordedRuns(status).forEach(this::want);
  }

  Set<String> wantedRuns() {
    return Set.copyOf(wantedRuns);
  }

  /** Says what the update waits for; the first, most immediate reason given wins. */
  void waitFor(Wait kind, String message) {
    if (wait == Wait.NOTHING) {
      wait = kind;
      waitMessage = message;
    }
  }

  Wait waiting() {
    return wait;
  }

  String waitMessage() {
    return waitMessage;
  }

  /** The names of the AnalysisRuns a status refers to. */
  static Stream<String> recordedRuns(RolloutStatus status) {
    return Stream.of(status.canary().currentStepAnalysisRunStatus(),
            status.canary().currentBackgroundAnalysisRunStatus(),
            status.blueGreen().prePromotionAnalysisRunStatus(),
            status.blueGreen().postPromotionAnalysisRunStatus())
        .flatMap(Optional::stream)
        .map(RolloutAnalysisRunStatus::name);
  }
}
