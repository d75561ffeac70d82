package dev.ramp.controller.observe;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.WorkloadRef;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.Responses;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment a Rollout's {@code workloadRef} names, and the Rollout with that Deployment's pod
 * template and selector, so that everything downstream sees one shape of Rollout.
 */
@Singleton
public class Workloads {
  private final GenericKubernetesApi<V1Deployment, V1DeploymentList> deployments;

  public Workloads(@Named(KubeClients.API) ApiClient client) {
    this.deployments = new GenericKubernetesApi<>(V1Deployment.class, V1DeploymentList.class, "apps", "v1",
        "deployments", client);
  }

  /** What resolving the workloadRef found. */
  public record Resolution(Rollout resolved, Optional<V1Deployment> deployment, List<String> problems) {}

  public Resolution resolve(Rollout rollout) {
    Optional<WorkloadRef> ref = rollout.spec().workloadRef();
    if (ref.isEmpty()) {
      return new Resolution(rollout, Optional.empty(), List.of());
    }
    String namespace = rollout.getMetadata().getNamespace();
    WorkloadRef workload = ref.get();
    if (!"Deployment".equals(workload.kind()) || !"apps/v1".equals(workload.apiVersion())) {
      return new Resolution(rollout, Optional.empty(), List.of("workloadRef names a " + workload.apiVersion() + " "
          + workload.kind() + "; Ramp takes its pods from an apps/v1 Deployment only"));
    }
    Optional<V1Deployment> deployment = Responses.found("GET Deployment " + namespace + "/" + workload.name(),
        () -> deployments.get(namespace, workload.name()));
    if (deployment.isEmpty()) {
      return new Resolution(rollout, Optional.empty(),
          List.of("Deployment " + namespace + "/" + workload.name() + " named by workloadRef not found"));
    }
    V1Deployment found = deployment.get();
    RolloutSpec spec = rollout.spec();
    RolloutSpec resolved = new RolloutSpec(spec.replicas(),
        spec.selector().isPresent() ? spec.selector() : Optional.ofNullable(found.getSpec().getSelector()),
        Optional.ofNullable(found.getSpec().getTemplate()), spec.workloadRef(), spec.minReadySeconds(),
        spec.revisionHistoryLimit(), spec.paused(), spec.progressDeadlineSeconds(), spec.progressDeadlineAbort(),
        spec.restartAt(), spec.analysis(), spec.strategy());
    return new Resolution(rollout.withSpec(resolved), deployment, List.of());
  }
}
