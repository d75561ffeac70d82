package dev.ramp.api.rollout;

/** The {@code setWeight} action: the canary's share of traffic, in percent. */
public record SetWeight(int weight) implements CanaryStepAction {}
