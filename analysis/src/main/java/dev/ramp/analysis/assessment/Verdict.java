package dev.ramp.analysis.assessment;

import dev.ramp.api.analysis.AnalysisPhase;

/** A metric's or a run's phase with the reason a person reads. */
public record Verdict(AnalysisPhase phase, String message) {}
