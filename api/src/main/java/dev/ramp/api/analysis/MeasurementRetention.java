package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import java.util.List;

/** How many measurements of a metric (or of {@code *}, every metric) the run keeps in status. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record MeasurementRetention(String metricName, int limit) {

  /** Measurements kept when nothing is said, as in Argo Rollouts. */
  public static final int DEFAULT_LIMIT = 10;

  /** The limit for a metric: its own entry, else the {@code *} entry, else {@link #DEFAULT_LIMIT}. */
  public static int limitFor(List<MeasurementRetention> retention, String metricName) {
    return retention.stream().filter(r -> r.metricName().equals(metricName)).findFirst()
        .or(() -> retention.stream().filter(r -> r.metricName().equals("*")).findFirst())
        .map(MeasurementRetention::limit)
        .orElse(DEFAULT_LIMIT);
  }
}
