package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.ConditionStatus;
import dev.ramp.api.rollout.PauseCondition;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.api.value.Durations;
import dev.ramp.api.value.IntOrStrings;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The phase, message and conditions of a planned status, and the progress deadline. A condition's
 * {@code lastTransitionTime} moves only when its status changes; the Progressing condition's {@code
 * lastUpdateTime} moves when the rollout makes progress (a step, a promotion, more pods) or its reason
 * changes, and the progress deadline counts from it while the rollout waits for pods. An unchanged
 * world therefore yields the very same conditions, however often it is planned (AR#3534).
 */
final class RolloutConditions {
  static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  static final String PROGRESSING_REASON = "ReplicaSetUpdated";

  /** The status with phase and conditions, and whether the progress deadline has just been found exceeded. */
  record Assessment(RolloutStatus status, boolean deadlineExceeded, String message) {}

  private RolloutConditions() {}

  static Assessment assess(Context ctx, Draft d) {
    RolloutStatus previous = ctx.rollout().status();
    RolloutStatus next = d.status();
    RolloutSpec spec = ctx.spec();
    OffsetDateTime now = ctx.nowUtc();
    Revisions revs = ctx.revisions();
    boolean aborted = ctx.abort().isPresent();
    boolean paused = !next.pauseConditions().isEmpty() || spec.paused();
    boolean completed = next.stableRS().equals(Optional.of(revs.currentHash())) && revs.currentReadyAt(ctx.replicas());
    boolean progressed = progressed(previous, next);
    Optional<RolloutCondition> before = previous.condition(RolloutCondition.PROGRESSING);

    ConditionStatus status;
    String reason;
    String message;
    boolean exceeded = false;
    if (aborted) {
      status = ConditionStatus.FALSE;
      reason = AbortCause.REASON;
      message = ctx.abort().get().message();
    } else if (paused) {
      status = ConditionStatus.UNKNOWN;
      reason = "RolloutPaused";
      message = pausedMessage(next, spec, d);
    } else if (completed) {
      status = ConditionStatus.TRUE;
      reason = "NewReplicaSetAvailable";
      message = "ReplicaSet " + revs.currentName() + " is the stable revision and fully available";
    } else {
      Duration limit = Duration.ofSeconds(spec.progressDeadlineSeconds());
      boolean wasExceeded = before.flatMap(RolloutCondition::reason).equals(Optional.of(PROGRESS_DEADLINE_EXCEEDED));
      Optional<Instant> since = before
          .filter(c -> c.reason().equals(Optional.of(PROGRESSING_REASON)))
          .flatMap(RolloutCondition::lastUpdateTime)
          .map(OffsetDateTime::toInstant);
      if (!progressed && wasExceeded) {
        exceeded = true;
        status = ConditionStatus.FALSE;
        reason = PROGRESS_DEADLINE_EXCEEDED;
        message = before.flatMap(RolloutCondition::message).orElse("progress deadline exceeded");
      } else if (!progressed && d.waiting() == Wait.PODS && since.isPresent()
          && !ctx.now().isBefore(since.get().plus(limit))) {
        exceeded = true;
        status = ConditionStatus.FALSE;
        reason = PROGRESS_DEADLINE_EXCEEDED;
        message = "ReplicaSet " + revs.currentName() + " made no progress for " + Durations.formatCompact(limit)
            + " (progressDeadlineSeconds): " + d.waitMessage();
      } else {
        status = ConditionStatus.TRUE;
        reason = PROGRESSING_REASON;
        message = "ReplicaSet " + revs.currentName() + " is progressing"
            + (d.waitMessage().isEmpty() ? "" : ": " + d.waitMessage());
      }
    }
    RolloutCondition progressing = next(before, RolloutCondition.PROGRESSING, status, reason, message, now, progressed);
    if (!exceeded && !aborted && !paused && !completed && d.waiting() == Wait.PODS) {
      progressing.lastUpdateTime().ifPresent(t -> d.wakeAt(t.toInstant().plusSeconds(spec.progressDeadlineSeconds())));
    }

    RolloutPhase phase;
    String phaseMessage;
    if (aborted || exceeded) {
      phase = RolloutPhase.DEGRADED;
      phaseMessage = message;
    } else if (paused) {
      phase = RolloutPhase.PAUSED;
      phaseMessage = message;
    } else if (completed) {
      phase = RolloutPhase.HEALTHY;
      phaseMessage = null;
    } else {
      phase = RolloutPhase.PROGRESSING;
      phaseMessage = d.waitMessage().isEmpty() ? null : d.waitMessage();
    }

    int available = next.availableReplicas();
    int needed = Math.max(0, ctx.replicas() - maxUnavailable(ctx));
    RolloutStatus out = next.toBuilder()
        .phase(phase)
        .message(phaseMessage)
        .conditions(next.conditions().stream()
            .filter(c -> !c.type().equals(RolloutCondition.INVALID_SPEC))
            .toList())
        .build();
    out = out.withCondition(progressing);
    out = out.withCondition(next(previous.condition(RolloutCondition.AVAILABLE), RolloutCondition.AVAILABLE,
        available >= needed ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        available >= needed ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        available + " of " + ctx.replicas() + " pods available, at least " + needed + " needed", now, false));
    out = out.withCondition(next(previous.condition(RolloutCondition.PAUSED), RolloutCondition.PAUSED,
        paused ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        paused ? pauseReason(next) : "RolloutResumed",
        paused ? pausedMessage(next, spec, d) : "The rollout is not paused", now, false));
    out = out.withCondition(next(previous.condition(RolloutCondition.COMPLETED), RolloutCondition.COMPLETED,
        completed ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        completed ? "RolloutCompleted" : "RolloutNotCompleted",
        completed ? "ReplicaSet " + revs.currentName() + " is stable and fully available"
            : "updating to ReplicaSet " + revs.currentName(), now, false));
    out = out.withCondition(next(previous.condition(RolloutCondition.HEALTHY), RolloutCondition.HEALTHY,
        phase == RolloutPhase.HEALTHY ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        phase == RolloutPhase.HEALTHY ? "RolloutHealthy" : "RolloutNotHealthy",
        phase == RolloutPhase.HEALTHY ? "The rollout is healthy" : "The rollout is " + phase.wireName(), now, false));
    return new Assessment(out, exceeded, message);
  }

  /** The status marked invalid: Degraded with condition InvalidSpec naming each problem; nothing else changes. */
  static RolloutStatus invalid(RolloutStatus status, RolloutStatus previous, List<String> problems,
      OffsetDateTime now) {
    String message = String.join("; ", problems);
    RolloutCondition condition = next(previous.condition(RolloutCondition.INVALID_SPEC), RolloutCondition.INVALID_SPEC,
        ConditionStatus.TRUE, "InvalidSpec", message, now, false);
    return status.toBuilder().phase(RolloutPhase.DEGRADED).message("InvalidSpec: " + message).build()
        .withCondition(condition);
  }

  /**
   * The condition as it stands after this plan: timestamps kept when nothing but the message changed
   * (and, for Progressing, no progress was made).
   */
  static RolloutCondition next(Optional<RolloutCondition> previous, String type, ConditionStatus status, String reason,
      String message, OffsetDateTime now, boolean progressed) {
    if (previous.isEmpty()) {
      return RolloutCondition.of(type, status, reason, message, now);
    }
    RolloutCondition p = previous.get();
    boolean sameStatus = p.status() == status;
    boolean sameReason = p.reason().equals(Optional.of(reason));
    OffsetDateTime transition = sameStatus ? p.lastTransitionTime().orElse(now) : now;
    OffsetDateTime update = sameStatus && sameReason && !progressed ? p.lastUpdateTime().orElse(now) : now;
    return new RolloutCondition(type, status, Optional.of(reason), Optional.of(message), Optional.of(update),
        Optional.of(transition));
  }

  /** Progress, as Argo Rollouts counts it: a new revision or step, a promotion, more pods updated or available. */
  static boolean progressed(RolloutStatus previous, RolloutStatus next) {
    return !Objects.equals(previous.currentPodHash(), next.currentPodHash())
        || !Objects.equals(previous.currentStepIndex(), next.currentStepIndex())
        || !Objects.equals(previous.stableRS(), next.stableRS())
        || !Objects.equals(previous.blueGreen().activeSelector(), next.blueGreen().activeSelector())
        || previous.blueGreen().scaleUpPreviewCheckPoint() != next.blueGreen().scaleUpPreviewCheckPoint()
        || previous.updatedReplicas() != next.updatedReplicas()
        || next.readyReplicas() > previous.readyReplicas()
        || next.availableReplicas() > previous.availableReplicas();
  }

  private static String pauseReason(RolloutStatus status) {
    return status.pauseConditions().stream().findFirst().map(c -> c.reason().wireName()).orElse("RolloutPaused");
  }

  private static String pausedMessage(RolloutStatus status, RolloutSpec spec, Draft d) {
    if (spec.paused()) {
      return "paused by spec.paused (kubectl ramp resume to go on)";
    }
    if (d.waiting() == Wait.PAUSE) {
      return d.waitMessage();
    }
    return "paused: " + status.pauseConditions().stream().map(PauseCondition::reason).map(r -> r.wireName())
        .collect(Collectors.joining(", "));
  }

  private static int maxUnavailable(Context ctx) {
    int replicas = ctx.replicas();
    return ctx.spec().strategy().canary()
        .map(c -> IntOrStrings.scaledValue(c.maxUnavailable(), replicas, false, "maxUnavailable"))
        .or(() -> ctx.spec().strategy().blueGreen()
            .flatMap(b -> b.maxUnavailable())
            .map(m -> IntOrStrings.scaledValue(m, replicas, false, "maxUnavailable")))
        .orElse(0);
  }
}
