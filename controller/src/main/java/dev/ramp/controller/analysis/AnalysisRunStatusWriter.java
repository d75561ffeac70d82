package dev.ramp.controller.analysis;

import dev.ramp.api.RampApi;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.leader.Leadership;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Writes an AnalysisRun's status with PUT {@code /status}, carrying the resourceVersion it was computed
 * from, so that a run changed meanwhile (terminated, or measured by another leader) answers 409.
 */
@Singleton
public class AnalysisRunStatusWriter {
  private final CustomObjectsApi api;
  private final Leadership leadership;

  public AnalysisRunStatusWriter(@Named(KubeClients.API) ApiClient client, Leadership leadership) {
    this.api = new CustomObjectsApi(client);
    this.leadership = leadership;
  }

  /**
   * Replaces the status of the run as read.
   *
   * @throws KubeApiException a conflict when the run changed since it was read
   * @throws Leadership.NotLeaderException when this replica does not lead
   */
  public void write(AnalysisRun read, AnalysisRunStatus status) {
    leadership.check();
    String namespace = read.getMetadata().getNamespace();
    String name = read.getMetadata().getName();
    try {
      api.replaceNamespacedCustomObjectStatus(RampApi.GROUP, RampApi.VERSION, namespace, RampApi.ANALYSIS_RUNS, name,
          read.withStatus(status)).execute();
    } catch (ApiException e) {
      throw new KubeApiException("PUT AnalysisRun " + namespace + "/" + name + "/status", e.getCode(),
          e.getCode() == 0 ? String.valueOf(e.getCause()) : e.getResponseBody(), e.getCode() == 409);
    }
  }
}
