package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One measurement of a metric.
 *
 * @param value the measured value as text, as Argo Rollouts records it: {@code [0.97]}, {@code []}
 *     or {@code NaN}
 * @param noData the query returned no data (empty or NaN); {@code phase} then follows the
 *     metric's {@code noData} policy
 * @param message why the measurement has its phase, e.g. the query's error
 * @param resumeAt when the next measurement is due
 * @param metadata provider details, e.g. the resolved query
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record Measurement(
    AnalysisPhase phase,
    Optional<String> value,
    boolean noData,
    Optional<OffsetDateTime> startedAt,
    Optional<OffsetDateTime> finishedAt,
    Optional<String> message,
    Optional<OffsetDateTime> resumeAt,
    Map<String, String> metadata) {

  public Measurement {
    phase = phase == null ? AnalysisPhase.PENDING : phase;
    value = Copies.optional(value);
    startedAt = Copies.optional(startedAt);
    finishedAt = Copies.optional(finishedAt);
    message = Copies.optional(message);
    resumeAt = Copies.optional(resumeAt);
    metadata = Copies.map(metadata);
  }

  public static Builder builder(AnalysisPhase phase) {
    return new Builder().phase(phase);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.phase = phase;
    b.value = value.orElse(null);
    b.noData = noData;
    b.startedAt = startedAt.orElse(null);
    b.finishedAt = finishedAt.orElse(null);
    b.message = message.orElse(null);
    b.resumeAt = resumeAt.orElse(null);
    b.metadata = metadata;
    return b;
  }

  /** Builds a {@link Measurement}. */
  public static final class Builder {
    private AnalysisPhase phase;
    private String value;
    private boolean noData;
    private OffsetDateTime startedAt;
    private OffsetDateTime finishedAt;
    private String message;
    private OffsetDateTime resumeAt;
    private Map<String, String> metadata = Map.of();

    private Builder() {}

    public Builder phase(AnalysisPhase phase) {
      this.phase = phase;
      return this;
    }

    public Builder value(String value) {
      this.value = value;
      return this;
    }

    public Builder noData(boolean noData) {
      this.noData = noData;
      return this;
    }

    public Builder startedAt(OffsetDateTime startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder finishedAt(OffsetDateTime finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder resumeAt(OffsetDateTime resumeAt) {
      this.resumeAt = resumeAt;
      return this;
    }

    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata;
      return this;
    }

    public Measurement build() {
      return new Measurement(phase, Optional.ofNullable(value), noData, Optional.ofNullable(startedAt),
          Optional.ofNullable(finishedAt), Optional.ofNullable(message), Optional.ofNullable(resumeAt), metadata);
    }
  }
}
