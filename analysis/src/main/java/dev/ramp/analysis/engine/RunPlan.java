package dev.ramp.analysis.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which metrics of a run are due now and when the next one will be: derived from status alone, so a
 * restarted controller neither skips nor repeats a measurement.
 */
public record RunPlan(List<String> due, Optional<Instant> nextAttention) {

  public RunPlan {
    due = List.copyOf(due);
  }
}
