package dev.ramp.controller.kube;

import dev.ramp.controller.config.ControllerSettings;
import dev.ramp.controller.config.LeaderElectionSettings;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The controller's three API clients, all for the cluster that micronaut-kubernetes-client's
 * {@link ClientBuilder} names ({@code kubernetes.client.kube-config-path}, {@code KUBECONFIG},
 * {@code ~/.kube/config} or the in-cluster service account). Each has its own HTTP client and so its
 * own connections and request budget: a flood of reconcile writes cannot starve the lease renewals
 * (Flagger lost leadership that way, FL#638), and watches get the client without a read timeout that
 * client-java's informers insist on.
 */
@Factory
public class KubeClients {

  /** Reads and writes of the reconcilers, with a read timeout. */
  public static final String API = "api";
  /** List/watch of the informers: no read timeout, a watch is silent for minutes. */
  public static final String WATCH = "watch";
  /** Lease reads and renewals of leader election, with a timeout shorter than the renew deadline. */
  public static final String ELECTION = "election";

  @Singleton
  @Named(API)
  ApiClient apiClient(ClientBuilder builder, ControllerSettings settings) {
    return withTimeouts(builder.build(), settings.requestTimeout());
  }

  @Singleton
  @Named(WATCH)
  ApiClient watchClient(ClientBuilder builder) {
    return withTimeouts(builder.build(), Duration.ZERO);
  }

  @Singleton
  @Named(ELECTION)
  ApiClient electionClient(ClientBuilder builder, LeaderElectionSettings settings) {
    return withTimeouts(builder.build(), settings.renewDeadline());
  }

  private static ApiClient withTimeouts(ApiClient client, Duration readTimeout) {
    client.setHttpClient(client.getHttpClient().newBuilder()
        .readTimeout(readTimeout)
        .connectTimeout(Duration.ofSeconds(10))
        .build());
    return client;
  }
}
