package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampObject;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** Metrics that a Rollout's analysis runs, kept in the Rollout's namespace. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisTemplate(String apiVersion, String kind, V1ObjectMeta metadata, AnalysisTemplateSpec spec)
    implements RampObject {

  public AnalysisTemplate {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? RampApi.ANALYSIS_TEMPLATE : kind;
    metadata = metadata == null ? new V1ObjectMeta() : metadata;
  }

  public AnalysisTemplate(V1ObjectMeta metadata, AnalysisTemplateSpec spec) {
    this(null, null, metadata, spec);
  }

  public AnalysisTemplate withSpec(AnalysisTemplateSpec newSpec) {
    return new AnalysisTemplate(apiVersion, kind, metadata, newSpec);
  }
}
