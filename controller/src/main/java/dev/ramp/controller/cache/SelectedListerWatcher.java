package dev.ramp.controller.cache;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.Optional;

/**
 * Lists and watches one kind in all namespaces, optionally only the objects a label selector picks,
 * so that the caches hold Ramp's ReplicaSets and not every ReplicaSet of the cluster.
 */
final class SelectedListerWatcher<T extends KubernetesObject, L extends KubernetesListObject>
    implements ListerWatcher<T, L> {
  private final GenericKubernetesApi<T, L> api;
  private final Optional<String> labelSelector;

  SelectedListerWatcher(GenericKubernetesApi<T, L> api, Optional<String> labelSelector) {
    this.api = api;
    this.labelSelector = labelSelector;
  }

  @Override
  public L list(CallGeneratorParams params) throws ApiException {
    return api.list(options(params)).throwsApiException().getObject();
  }

  @Override
  public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
    return api.watch(options(params));
  }

  private ListOptions options(CallGeneratorParams params) {
    ListOptions options = new ListOptions();
    options.setResourceVersion(params.resourceVersion);
    options.setTimeoutSeconds(params.timeoutSeconds);
    labelSelector.ifPresent(options::setLabelSelector);
    return options;
  }
}
