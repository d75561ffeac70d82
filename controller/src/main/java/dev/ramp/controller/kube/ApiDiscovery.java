package dev.ramp.controller.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApisApi;
import io.kubernetes.client.openapi.models.V1APIGroup;
import io.kubernetes.client.openapi.models.V1GroupVersionForDiscovery;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version of an API group the cluster serves, remembered for a minute: Istio serves
 * {@code networking.istio.io/v1} since 1.22 and only {@code v1beta1} before, and the controller
 * must use one that exists.
 */
@Singleton
public class ApiDiscovery {
  private static final Duration REMEMBER = Duration.ofMinutes(1);

  private final ApiClient client;
  private final Clock clock;
  private final Map<String, Found> found = new ConcurrentHashMap<>();

  public ApiDiscovery(@Named(KubeClients.API) ApiClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * The first of {@code preferred} that the server serves for {@code group}, else the group's
   * preferred version; empty when the group is not served at all.
   *
   * @throws ApiException when discovery itself fails
   */
  public Optional<String> servedVersion(String group, List<String> preferred) throws ApiException {
    Instant now = clock.instant();
    Found cached = found.get(group);
    if (cached != null && cached.at.plus(REMEMBER).isAfter(now)) {
      return pick(cached.group, preferred);
    }
    Optional<V1APIGroup> served = new ApisApi(client).getAPIVersions().execute().getGroups().stream()
        .filter(g -> group.equals(g.getName()))
        .findFirst();
    found.put(group, new Found(served, now));
    return pick(served, preferred);
  }

  private static Optional<String> pick(Optional<V1APIGroup> group, List<String> preferred) {
    if (group.isEmpty()) {
      return Optional.empty();
    }
    List<String> versions = group.get().getVersions().stream().map(V1GroupVersionForDiscovery::getVersion).toList();
    for (String version : preferred) {
      if (versions.contains(version)) {
        return Optional.of(version);
      }
    }
    return Optional.ofNullable(group.get().getPreferredVersion()).map(V1GroupVersionForDiscovery::getVersion);
  }

  private record Found(Optional<V1APIGroup> group, Instant at) {}
}
