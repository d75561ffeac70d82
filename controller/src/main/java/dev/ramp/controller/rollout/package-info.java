/**
 * The pure rollout planner: {@link dev.ramp.controller.rollout.RolloutPlanner} turns an
 * {@link dev.ramp.controller.plan.Observation} into a {@link dev.ramp.controller.plan.Plan}.
 *
 * <p>How a plan is made: {@code SpecProblems} stops an invalid Rollout where it is; {@code Revisions}
 * sorts the ReplicaSets into current, stable and others; {@code StatusResets} starts over for a new
 * template, new steps or a retry; {@code CanaryPlanner} (with {@code CanarySteps}, {@code
 * CanaryTraffic}, {@code CanaryByRatio}) or {@code BlueGreenPlanner} decides the actions in a {@code
 * Draft}, using {@code Pauses}, {@code AnalysisSteps} and {@code ScaleDowns}; an abort found on the
 * way ({@code AbortCause}) plans again, aborting; {@code ReplicaCounts} and {@code RolloutConditions}
 * give the counts, phase and conditions (and the progress deadline); {@code RunHistory}, {@code
 * RevisionHistory} and {@code WorkloadScaleDown} tidy up; {@code Transitions} compares the status read
 * with the status planned to say what to announce.
 */
package dev.ramp.controller.rollout;
