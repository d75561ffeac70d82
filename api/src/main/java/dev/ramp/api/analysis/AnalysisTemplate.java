package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** Metrics that a Rollout's analysis runs, kept in the Rollout's namespace. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisTemplate(String apiVersion, String kind, V1ObjectMeta metadata, AnalysisTemplateSpec spec)
    implements KubernetesObject {

  public AnalysisTemplate {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? RampApi.ANALYSIS_TEMPLATE : kind;
    metadata = metadata == null ? new V1ObjectMeta() : metadata;
  }

  public AnalysisTemplate(V1ObjectMeta metadata, AnalysisTemplateSpec spec) {
    this(null, null, metadata, spec);
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public AnalysisTemplate withSpec(AnalysisTemplateSpec newSpec) {
    return new AnalysisTemplate(apiVersion, kind, metadata, newSpec);
  }
}
