package dev.ramp.controller.testing;

import com.google.gson.JsonObject;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampClients;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.sandbox.Sandbox;
import dev.ramp.sandbox.StandardCrds;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventList;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetList;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A sandbox API server with Ramp's CRDs (and optionally Istio's) and the reads and writes the
 * integration tests make as a user would.
 */
public final class SandboxCluster implements AutoCloseable {
  public static final String NS = "default";

  private final Sandbox sandbox;
  private final ApiClient client;
  private final Path kubeconfig;

  private SandboxCluster(Sandbox sandbox, Path kubeconfig) {
    this.sandbox = sandbox;
    this.client = sandbox.apiClient();
    this.kubeconfig = kubeconfig;
  }

  /** Starts a sandbox with Ramp's CRDs, and Istio's networking CRDs when asked. */
  public static SandboxCluster start(boolean istio) {
    Sandbox sandbox = Sandbox.builder().podReadyDelay(Duration.ofMillis(50)).start();
    try {
      StandardCrds.installRamp(sandbox);
      if (istio) {
        StandardCrds.installIstio(sandbox);
      }
      Path kubeconfig = Files.createTempFile("sandbox", ".kubeconfig");
      sandbox.writeKubeconfig(kubeconfig);
      return new SandboxCluster(sandbox, kubeconfig);
    } catch (IOException e) {
      sandbox.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  public static String resource(String name) {
    try (InputStream in = SandboxCluster.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException(name + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public ApiClient client() {
    return client;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public void apply(String manifest) {
    sandbox.applyText(manifest);
  }

  public Rollout rollout(String name) {
    return RampClients.rollouts(client).get(NS, name).getObject();
  }

  public RolloutStatus status(String name) {
    Rollout rollout = rollout(name);
    return rollout == null ? RolloutStatus.EMPTY : rollout.status();
  }

  /** Sets the first container's image, as {@code kubectl ramp set image} would. */
  public void setImage(String rollout, String image) {
    patchRollout(rollout, "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\""
        + image + "\"}]");
  }

  public void patchRollout(String rollout, String jsonPatch) {
    var response = RampClients.rollouts(client).patch(NS, rollout, V1Patch.PATCH_FORMAT_JSON_PATCH, new V1Patch(jsonPatch));
    if (!response.isSuccess()) {
      throw new IllegalStateException("cannot patch Rollout " + rollout + ": " + response.getStatus());
    }
  }

  /** Clears the pause conditions, as {@code kubectl ramp promote} does; retried on conflict. */
  public void promote(String name) {
    replaceStatus(name, status -> status.toBuilder().pauseConditions(List.of()).build());
  }

  /** Sets {@code status.abort}, as {@code kubectl ramp abort} does. */
  public void abort(String name) {
    replaceStatus(name, status -> status.toBuilder().abort(true).build());
  }

  private void replaceStatus(String name, UnaryOperator<RolloutStatus> change) {
    for (int attempt = 0; ; attempt++) {
      Rollout rollout = rollout(name);
      try {
        new CustomObjectsApi(client).replaceNamespacedCustomObjectStatus(RampApi.GROUP, RampApi.VERSION, NS,
            RampApi.ROLLOUTS, name, rollout.withStatus(change.apply(rollout.status()))).execute();
        return;
      } catch (ApiException e) {
        if (e.getCode() != 409 || attempt > 20) {
          throw new IllegalStateException("cannot write the status of Rollout " + name + ": " + e.getResponseBody(), e);
        }
      }
    }
  }

  /** The Rollout's ReplicaSets by pod-template hash → desired replicas. */
  public Map<String, Integer> replicaSets(String rollout) {
    return replicaSetObjects(rollout).stream().collect(Collectors.toMap(
        rs -> rs.getMetadata().getLabels().get(RampMetadataKeys.POD_TEMPLATE_HASH),
        rs -> rs.getSpec().getReplicas()));
  }

  public List<V1ReplicaSet> replicaSetObjects(String rollout) {
    V1ReplicaSetList list = new GenericKubernetesApi<>(V1ReplicaSet.class, V1ReplicaSetList.class, "apps", "v1",
        "replicasets", client).list(NS).getObject();
    return list.getItems().stream()
        .filter(rs -> rs.getMetadata().getOwnerReferences() != null && rs.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> o.getKind().equals(RampApi.ROLLOUT) && o.getName().equals(rollout)))
        .sorted(Comparator.comparing(rs -> rs.getMetadata().getName()))
        .toList();
  }

  /** A Deployment in the test namespace, or null. */
  public V1Deployment deployment(String name) {
    return deployments().get(NS, name).getObject();
  }

  /** Sets a Deployment's first container's image. */
  public void setDeploymentImage(String name, String image) {
    var response = deployments().patch(NS, name, V1Patch.PATCH_FORMAT_JSON_PATCH, new V1Patch(
        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]"));
    if (!response.isSuccess()) {
      throw new IllegalStateException("cannot patch Deployment " + name + ": " + response.getStatus());
    }
  }

  private GenericKubernetesApi<V1Deployment, V1DeploymentList> deployments() {
    return new GenericKubernetesApi<>(V1Deployment.class, V1DeploymentList.class, "apps", "v1", "deployments", client);
  }

  public V1Service service(String name) {
    return new GenericKubernetesApi<>(V1Service.class, V1ServiceList.class, "", "v1", "services", client)
        .get(NS, name).getObject();
  }

  public JsonObject virtualService(String name) {
    return new DynamicKubernetesApi("networking.istio.io", "v1beta1", "virtualservices", client)
        .get(NS, name).getObject().getRaw();
  }

  /** A VirtualService's route weights, {@code host=weight} per destination of every HTTP route. */
  public String weights(String virtualService) {
    JsonObject vs = virtualService(virtualService);
    StringBuilder out = new StringBuilder();
    vs.getAsJsonObject("spec").getAsJsonArray("http").forEach(route -> {
      route.getAsJsonObject().getAsJsonArray("route").forEach(d -> {
        JsonObject destination = d.getAsJsonObject().getAsJsonObject("destination");
        String target = destination.has("subset") ? destination.get("subset").getAsString()
            : destination.get("host").getAsString();
        out.append(out.length() == 0 ? "" : " ").append(target).append('=')
            .append(d.getAsJsonObject().has("weight") ? d.getAsJsonObject().get("weight").getAsInt() : -1);
      });
    });
    return out.toString();
  }

  /** Edits a VirtualService as a person would, without a resourceVersion. */
  public void patchVirtualService(String name, String mergePatch) {
    var response = new DynamicKubernetesApi("networking.istio.io", "v1beta1", "virtualservices", client)
        .patch(NS, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, new V1Patch(mergePatch));
    if (!response.isSuccess()) {
      throw new IllegalStateException("cannot patch VirtualService " + name + ": " + response.getStatus());
    }
  }

  /** Reasons of the Events recorded on a Rollout, oldest first. */
  public List<String> eventReasons(String rollout) {
    CoreV1EventList list = new GenericKubernetesApi<>(CoreV1Event.class, CoreV1EventList.class, "", "v1", "events",
        client).list(NS).getObject();
    return list.getItems().stream()
        .filter(e -> rollout.equals(e.getInvolvedObject().getName()) && "Rollout".equals(e.getInvolvedObject().getKind()))
        .sorted(Comparator.comparing(e -> e.getMetadata().getCreationTimestamp()))
        .map(CoreV1Event::getReason)
        .toList();
  }

  /** A one-line summary for failure messages. */
  public String describe(String rollout) {
    RolloutStatus s = status(rollout);
    return "Rollout " + rollout + ": phase=" + s.phase().map(Object::toString).orElse("-") + " step="
        + s.currentStepIndex().map(String::valueOf).orElse("-") + " message=" + s.message().orElse("-")
        + " pauses=" + s.pauseConditions() + " conditions=" + s.conditions().stream()
            .map(c -> c.type() + "=" + c.status() + "(" + c.message().orElse("") + ")").toList()
        + " replicaSets=" + replicaSets(rollout);
  }

  @Override
  public void close() {
    sandbox.close();
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      // a temp file left behind
    }
  }
}
