package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** Where a metric's values come from; Prometheus is the only provider so far. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record MetricProvider(Optional<PrometheusMetric> prometheus) {

  public MetricProvider {
    prometheus = Copies.optional(prometheus);
  }

  public static MetricProvider prometheus(PrometheusMetric prometheus) {
    return new MetricProvider(Optional.of(prometheus));
  }
}
