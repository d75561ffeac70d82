package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import java.util.List;

/** A metric (or {@code *}, every metric) whose verdict is recorded but does not decide the run. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record DryRun(String metricName) {

  /** Whether these entries put the metric in dry-run mode. */
  public static boolean covers(List<DryRun> dryRun, String metricName) {
    return dryRun.stream().anyMatch(d -> d.metricName().equals("*") || d.metricName().equals(metricName));
  }
}
