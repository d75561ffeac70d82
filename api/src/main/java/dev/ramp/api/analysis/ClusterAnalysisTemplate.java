package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampObject;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** Metrics that the Rollouts of every namespace may run ({@code clusterScope: true}); cluster-scoped. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record ClusterAnalysisTemplate(String apiVersion, String kind, V1ObjectMeta metadata, AnalysisTemplateSpec spec)
    implements RampObject {

  public ClusterAnalysisTemplate {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? RampApi.CLUSTER_ANALYSIS_TEMPLATE : kind;
    metadata = metadata == null ? new V1ObjectMeta() : metadata;
  }

  public ClusterAnalysisTemplate(V1ObjectMeta metadata, AnalysisTemplateSpec spec) {
    this(null, null, metadata, spec);
  }

  public ClusterAnalysisTemplate withSpec(AnalysisTemplateSpec newSpec) {
    return new ClusterAnalysisTemplate(apiVersion, kind, metadata, newSpec);
  }
}
