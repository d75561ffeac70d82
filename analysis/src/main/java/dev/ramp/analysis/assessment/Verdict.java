package dev.ramp.analysis.assessment;

/** A metric's or a run's phase with the reason a person reads. */
public record Verdict(AnalysisPhase phase, String message) {}
