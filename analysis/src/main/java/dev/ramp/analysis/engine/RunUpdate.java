package dev.ramp.analysis.engine;

import dev.ramp.api.analysis.AnalysisRunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a reconcile of a run produced.
 *
 * @param status the run's new status, to write with the resourceVersion it was computed from
 * @param measured the metrics measured in this pass
 * @param nextAttention when the run next has a measurement due; empty once the run is decided
 */
public record RunUpdate(AnalysisRunStatus status, List<String> measured, Optional<Instant> nextAttention) {

  public RunUpdate {
    measured = List.copyOf(measured);
  }
}
