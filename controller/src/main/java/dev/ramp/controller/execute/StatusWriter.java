package dev.ramp.controller.execute;

import dev.ramp.api.RampApi;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.leader.Leadership;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Writes a Rollout's status with PUT {@code /status}, carrying the resourceVersion the plan was made
 * from (client-java's {@code updateStatus} sends a JSON patch as {@code application/json}, which
 * servers refuse with 415).
 */
@Singleton
public class StatusWriter {
  private final CustomObjectsApi api;
  private final Leadership leadership;

  public StatusWriter(@Named(KubeClients.API) ApiClient client, Leadership leadership) {
    this.api = new CustomObjectsApi(client);
    this.leadership = leadership;
  }

  /**
   * Replaces the status of the Rollout as read.
   *
   * @throws KubeApiException a conflict when the Rollout changed since it was read
   */
  public void write(Rollout read, RolloutStatus status) {
    leadership.check();
    String namespace = read.getMetadata().getNamespace();
    String name = read.getMetadata().getName();
    try {
      api.replaceNamespacedCustomObjectStatus(RampApi.GROUP, RampApi.VERSION, namespace, RampApi.ROLLOUTS, name,
          read.withStatus(status)).execute();
    } catch (ApiException e) {
      throw new KubeApiException("PUT Rollout " + namespace + "/" + name + "/status", e.getCode(),
          e.getCode() == 0 ? String.valueOf(e.getCause()) : e.getResponseBody(), e.getCode() == 409);
    }
  }
}
