package dev.ramp.cli.render;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.cli.core.RolloutSnapshot;
import java.time.Instant;
import java.util.List;

/** Everything one frame of {@code kubectl ramp status} shows, read at one moment. */
public record StatusView(RolloutSnapshot snapshot, List<AnalysisRun> analysisRuns, Instant now) {
  public StatusView {
    analysisRuns = List.copyOf(analysisRuns);
  }
}
