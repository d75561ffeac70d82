package dev.ramp.controller.plan;

import dev.ramp.api.analysis.AnalysisPhase;
import java.time.Instant;
import java.util.Optional;

/**
 * An AnalysisRun the Rollout owns.
 *
 * @param name its name
 * @param purpose why it runs (label {@code ramp.dev/analysis})
 * @param podTemplateHash the revision it judges (label {@code rollouts-pod-template-hash})
 * @param phase its phase; Pending until the analysis controller first reports
 * @param message the run's message (which metric failed, with which value and limit)
 * @param terminated {@code spec.terminate} is set
 * @param createdAt creation timestamp
 */
public record ObservedAnalysisRun(
    String name,
    AnalysisPurpose purpose,
    String podTemplateHash,
    AnalysisPhase phase,
    Optional<String> message,
    boolean terminated,
    Instant createdAt) {}
