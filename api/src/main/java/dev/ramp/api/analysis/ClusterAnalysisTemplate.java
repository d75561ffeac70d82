package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** Metrics that the Rollouts of every namespace may run ({@code clusterScope: true}); cluster-scoped. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record ClusterAnalysisTemplate(String apiVersion, String kind, V1ObjectMeta metadata, AnalysisTemplateSpec spec)
    implements KubernetesObject {

  public ClusterAnalysisTemplate {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? RampApi.CLUSTER_ANALYSIS_TEMPLATE : kind;
    metadata = metadata == null ? new V1ObjectMeta() : metadata;
  }

  public ClusterAnalysisTemplate(V1ObjectMeta metadata, AnalysisTemplateSpec spec) {
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

  public ClusterAnalysisTemplate withSpec(AnalysisTemplateSpec newSpec) {
    return new ClusterAnalysisTemplate(apiVersion, kind, metadata, newSpec);
  }
}
