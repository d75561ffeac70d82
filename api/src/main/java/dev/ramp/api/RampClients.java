package dev.ramp.api;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunList;
import dev.ramp.api.analysis.AnalysisTemplate;
import dev.ramp.api.analysis.AnalysisTemplateList;
import dev.ramp.api.analysis.ClusterAnalysisTemplate;
import dev.ramp.api.analysis.ClusterAnalysisTemplateList;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutList;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;

/**
 * Typed clients for Ramp's kinds over one {@link ApiClient}, for the controller and the plugin
 * alike. Status is written with PUT {@code /status} ({@code updateStatus} sends a JSON patch that
 * servers answer with 415).
 */
public final class RampClients {
  private RampClients() {}

  public static GenericKubernetesApi<Rollout, RolloutList> rollouts(ApiClient client) {
    return new GenericKubernetesApi<>(Rollout.class, RolloutList.class, RampApi.GROUP, RampApi.VERSION,
        RampApi.ROLLOUTS, client);
  }

  public static GenericKubernetesApi<AnalysisTemplate, AnalysisTemplateList> analysisTemplates(ApiClient client) {
    return new GenericKubernetesApi<>(AnalysisTemplate.class, AnalysisTemplateList.class, RampApi.GROUP,
        RampApi.VERSION, RampApi.ANALYSIS_TEMPLATES, client);
  }

  public static GenericKubernetesApi<ClusterAnalysisTemplate, ClusterAnalysisTemplateList> clusterAnalysisTemplates(
      ApiClient client) {
    return new GenericKubernetesApi<>(ClusterAnalysisTemplate.class, ClusterAnalysisTemplateList.class,
        RampApi.GROUP, RampApi.VERSION, RampApi.CLUSTER_ANALYSIS_TEMPLATES, client);
  }

  public static GenericKubernetesApi<AnalysisRun, AnalysisRunList> analysisRuns(ApiClient client) {
    return new GenericKubernetesApi<>(AnalysisRun.class, AnalysisRunList.class, RampApi.GROUP, RampApi.VERSION,
        RampApi.ANALYSIS_RUNS, client);
  }
}
