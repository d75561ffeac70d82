package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric's progress in a run: its verdict so far, the latest measurements and the counters the
 * limits are checked against.
 *
 * @param count measurements taken, not counting errors (successful + failed + inconclusive)
 * @param consecutiveError errors in a row; resets on a measurement without error
 * @param noData measurements that had no data (also counted under their phase)
 * @param dryRun the metric runs in dry-run mode: its verdict does not count
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record MetricResult(
    String name,
    AnalysisPhase phase,
    List<Measurement> measurements,
    int count,
    int successful,
    int failed,
    int inconclusive,
    int error,
    int consecutiveError,
    int noData,
    Optional<String> message,
    boolean dryRun,
    Map<String, String> metadata) {

  public MetricResult {
    phase = phase == null ? AnalysisPhase.PENDING : phase;
    measurements = Copies.list(measurements);
    message = Copies.optional(message);
    metadata = Copies.map(metadata);
  }

  /** The latest measurement, if any. */
  public Optional<Measurement> lastMeasurement() {
    return measurements.isEmpty() ? Optional.empty() : Optional.of(measurements.get(measurements.size() - 1));
  }

  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.phase = phase;
    b.measurements = measurements;
    b.count = count;
    b.successful = successful;
    b.failed = failed;
    b.inconclusive = inconclusive;
    b.error = error;
    b.consecutiveError = consecutiveError;
    b.noData = noData;
    b.message = message.orElse(null);
    b.dryRun = dryRun;
    b.metadata = metadata;
    return b;
  }

  /** Builds a {@link MetricResult}. */
  public static final class Builder {
    private String name;
    private AnalysisPhase phase;
    private List<Measurement> measurements = List.of();
    private int count;
    private int successful;
    private int failed;
    private int inconclusive;
    private int error;
    private int consecutiveError;
    private int noData;
    private String message;
    private boolean dryRun;
    private Map<String, String> metadata = Map.of();

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder phase(AnalysisPhase phase) {
      this.phase = phase;
      return this;
    }

    public Builder measurements(List<Measurement> measurements) {
      this.measurements = measurements;
      return this;
    }

    public Builder count(int count) {
      this.count = count;
      return this;
    }

    public Builder successful(int successful) {
      this.successful = successful;
      return this;
    }

    public Builder failed(int failed) {
      this.failed = failed;
      return this;
    }

    public Builder inconclusive(int inconclusive) {
      this.inconclusive = inconclusive;
      return this;
    }

    public Builder error(int error) {
      this.error = error;
      return this;
    }

    public Builder consecutiveError(int consecutiveError) {
      this.consecutiveError = consecutiveError;
      return this;
    }

    public Builder noData(int noData) {
      this.noData = noData;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata;
      return this;
    }

    public MetricResult build() {
      return new MetricResult(name, phase, measurements, count, successful, failed, inconclusive, error,
          consecutiveError, noData, Optional.ofNullable(message), dryRun, metadata);
    }
  }
}
