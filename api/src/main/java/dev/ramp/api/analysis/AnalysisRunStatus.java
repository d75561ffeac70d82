package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.OmittedWhenEmpty;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Progress and verdict of an AnalysisRun. A run that has no status yet reads as {@link #EMPTY}
 * (phase Pending).
 *
 * @param message why the run is in its phase, e.g. which metric failed and with what value
 * @param runSummary the metrics counted by verdict
 * @param dryRunSummary the dry-run metrics counted by verdict
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisRunStatus(
    AnalysisPhase phase,
    Optional<String> message,
    Optional<OffsetDateTime> startedAt,
    List<MetricResult> metricResults,
    RunSummary runSummary,
    Optional<RunSummary> dryRunSummary) implements OmittedWhenEmpty {

  public static final AnalysisRunStatus EMPTY =
      new AnalysisRunStatus(null, Optional.empty(), Optional.empty(), List.of(), null, Optional.empty());

  public AnalysisRunStatus {
    phase = phase == null ? AnalysisPhase.PENDING : phase;
    message = Copies.optional(message);
    startedAt = Copies.optional(startedAt);
    metricResults = Copies.list(metricResults);
    runSummary = runSummary == null ? RunSummary.EMPTY : runSummary;
    dryRunSummary = Copies.optional(dryRunSummary);
  }

  @Override
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  public Optional<MetricResult> metricResult(String name) {
    return metricResults.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** This status with the metric's result replaced (or added, at the end). */
  public AnalysisRunStatus withMetricResult(MetricResult result) {
    List<MetricResult> results = new ArrayList<>(metricResults);
    int i = 0;
    while (i < results.size() && !results.get(i).name().equals(result.name())) {
      i++;
    }
    if (i < results.size()) {
      results.set(i, result);
    } else {
      results.add(result);
    }
    return toBuilder().metricResults(results).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.phase = phase;
    b.message = message.orElse(null);
    b.startedAt = startedAt.orElse(null);
    b.metricResults = metricResults;
    b.runSummary = runSummary;
    b.dryRunSummary = dryRunSummary.orElse(null);
    return b;
  }

  /** Builds an {@link AnalysisRunStatus}. */
  public static final class Builder {
    private AnalysisPhase phase;
    private String message;
    private OffsetDateTime startedAt;
    private List<MetricResult> metricResults = List.of();
    private RunSummary runSummary;
    private RunSummary dryRunSummary;

    private Builder() {}

    public Builder phase(AnalysisPhase phase) {
      this.phase = phase;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder startedAt(OffsetDateTime startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder metricResults(List<MetricResult> metricResults) {
      this.metricResults = metricResults;
      return this;
    }

    public Builder runSummary(RunSummary runSummary) {
      this.runSummary = runSummary;
      return this;
    }

    public Builder dryRunSummary(RunSummary dryRunSummary) {
      this.dryRunSummary = dryRunSummary;
      return this;
    }

    public AnalysisRunStatus build() {
      return new AnalysisRunStatus(phase, Optional.ofNullable(message), Optional.ofNullable(startedAt), metricResults,
          runSummary, Optional.ofNullable(dryRunSummary));
    }
  }
}
