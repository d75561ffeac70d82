package dev.ramp.api.rollout;

/** What a canary step does: exactly one of these (see {@link CanaryStep#action()}). */
public sealed interface CanaryStepAction permits SetWeight, Pause, SetCanaryScale, RolloutAnalysis {}
