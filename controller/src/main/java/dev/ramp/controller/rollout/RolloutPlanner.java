package dev.ramp.controller.rollout;

import dev.ramp.api.revision.PodTemplateHash;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.plan.Plan;
import dev.ramp.controller.rollout.RolloutConditions.Assessment;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Decides what to do next for one Rollout: a pure function of what was observed and the clock
 * reading in it. No I/O, no clock of its own, nothing remembered between calls; all rollout state is
 * in the status it reads and the status it plans. The executor applies the plan's actions in order,
 * stopping at the first failure, then writes the status, then announces the transitions.
 *
 * <p>A plan over a world that already matches it is empty and leaves the status as it is, so the
 * controller can reconcile as often as it likes.
 */
public final class RolloutPlanner {

  public Plan plan(Observation observation) {
    Rollout rollout = observation.rollout();
    RolloutStatus previous = rollout.status();
    List<String> problems = SpecProblems.of(observation);
    if (!problems.isEmpty()) {
      RolloutStatus held = previous.toBuilder().observedGeneration(rollout.getMetadata().getGeneration()).build();
      RolloutStatus status = RolloutConditions.invalid(held, previous, problems,
          observation.now().atOffset(ZoneOffset.UTC));
      return new Plan(List.of(), status, Transitions.between(previous, status, observation), Optional.empty());
    }
    RolloutSpec spec = rollout.spec();
    V1PodTemplateSpec template = SpecProblems.template(observation).orElseThrow();
    String hash = PodTemplateHash.of(template, previous.collisionCount().orElse(0));
    Revisions revs = Revisions.of(rollout.getMetadata().getName(), hash, previous.stableRS(),
        observation.replicaSets());
    Optional<String> stepsHash = spec.strategy().canary().map(c -> StepsHash.of(c.steps()));
    RolloutStatus base = StatusResets.base(observation, revs, stepsHash,
        SpecProblems.selector(observation).map(LabelSelectors::format));
    Context ctx = new Context(observation, base, revs, AbortCause.of(base, revs));
    StrategyPlanner strategy = spec.strategy().isCanary() ? new CanaryPlanner() : new BlueGreenPlanner();

    Draft d = strategy.plan(ctx);
    if (d.abortRequest().isPresent() && ctx.abort().isEmpty()) {
      ctx = ctx.withAbort(d.abortRequest().get());
      d = strategy.plan(ctx);
    }
    ReplicaCounts.apply(ctx, d);
    Assessment assessment = RolloutConditions.assess(ctx, d);
    if (assessment.deadlineExceeded() && spec.progressDeadlineAbort() && ctx.abort().isEmpty()
        && revs.hasStable() && !revs.currentIsStable()) {
      ctx = ctx.withAbort(new AbortCause("Rollout aborted: " + assessment.message()));
      d = strategy.plan(ctx);
      ReplicaCounts.apply(ctx, d);
      assessment = RolloutConditions.assess(ctx, d);
    }
    RunHistory.terminateUnwanted(ctx, d);
    RevisionHistory.prune(ctx, d);
    RunHistory.prune(ctx, d);
    WorkloadScaleDown.plan(ctx, d, assessment.status());

    RolloutStatus status = assessment.status();
    Optional<Duration> requeue = d.wakeAt().map(t -> Duration.between(observation.now(), t));
    return new Plan(d.actions(), status, Transitions.between(previous, status, observation), requeue);
  }
}
