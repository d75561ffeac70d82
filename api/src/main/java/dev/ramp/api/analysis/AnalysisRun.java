package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampObject;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * One execution of analysis: its metrics are measured until a verdict is reached. Status is
 * written through the {@code /status} subresource. Without a status yet, {@link #status()} is
 * {@link AnalysisRunStatus#EMPTY}.
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisRun(String apiVersion, String kind, V1ObjectMeta metadata, AnalysisRunSpec spec,
    AnalysisRunStatus status) implements RampObject {

  public AnalysisRun {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? RampApi.ANALYSIS_RUN : kind;
    metadata = metadata == null ? new V1ObjectMeta() : metadata;
    status = status == null ? AnalysisRunStatus.EMPTY : status;
  }

  public AnalysisRun(V1ObjectMeta metadata, AnalysisRunSpec spec) {
    this(null, null, metadata, spec, null);
  }

  public AnalysisRun withStatus(AnalysisRunStatus newStatus) {
    return new AnalysisRun(apiVersion, kind, metadata, spec, newStatus);
  }

  public AnalysisRun withSpec(AnalysisRunSpec newSpec) {
    return new AnalysisRun(apiVersion, kind, metadata, newSpec, status);
  }

  public AnalysisRun withMetadata(V1ObjectMeta newMetadata) {
    return new AnalysisRun(apiVersion, kind, newMetadata, spec, status);
  }
}
