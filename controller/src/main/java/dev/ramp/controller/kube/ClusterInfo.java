package dev.ramp.controller.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.VersionInfo;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Which cluster the controller talks to: its server URL and the Kubernetes version it reports. */
@Singleton
public class ClusterInfo {
  private final ApiClient client;

  public ClusterInfo(@Named(KubeClients.API) ApiClient client) {
    this.client = client;
  }

  /** The API server's base URL. */
  public String server() {
    return client.getBasePath();
  }

  /**
   * The server's {@code /version}, e.g. {@code v1.31.2}.
   *
   * @throws ApiException when the server cannot be reached or refuses
   */
  public String version() throws ApiException {
    VersionInfo info = new VersionApi(client).getCode().execute();
    return info.getGitVersion() != null ? info.getGitVersion() : info.getMajor() + "." + info.getMinor();
  }
}
