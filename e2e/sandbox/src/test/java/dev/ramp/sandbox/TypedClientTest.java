package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** client-java's typed APIs work against the sandbox as against a real server. */
class TypedClientTest {
  static Sandbox sandbox;
  static CoreV1Api core;
  static AppsV1Api apps;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    core = new CoreV1Api(sandbox.apiClient());
    apps = new AppsV1Api(sandbox.apiClient());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void configMapRoundTrip() throws ApiException {
    V1ConfigMap created = core.createNamespacedConfigMap("default",
        new V1ConfigMap().metadata(new V1ObjectMeta().name("typed").labels(Map.of("app", "web"))).data(Map.of("k", "v")))
        .execute();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(created.getMetadata().getGeneration()).isNull();

    V1ConfigMap read = core.readNamespacedConfigMap("typed", "default").execute();
    assertThat(read.getData()).containsEntry("k", "v");

    read.setData(Map.of("k", "w"));
    V1ConfigMap replaced = core.replaceNamespacedConfigMap("typed", "default", read).execute();
    assertThat(Long.parseLong(replaced.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

    V1ConfigMapList list = core.listNamespacedConfigMap("default").labelSelector("app=web").execute();
    assertThat(list.getItems()).extracting(cm -> cm.getMetadata().getName()).containsExactly("typed");

    core.deleteNamespacedConfigMap("typed", "default").execute();
    assertThatThrownBy(() -> core.readNamespacedConfigMap("typed", "default").execute())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(404);
          assertThat(e.getResponseBody()).contains("configmaps \\\"typed\\\" not found").contains("\"reason\":\"NotFound\"");
        });
  }

  @Test
  void kubeconfigWorksForClientJava() throws Exception {
    var config = io.kubernetes.client.util.KubeConfig.loadKubeConfig(new java.io.StringReader(sandbox.kubeconfig()));
    assertThat(config.getCurrentContext()).isEqualTo("sandbox");
    var client = io.kubernetes.client.util.ClientBuilder.kubeconfig(config).build();
    var namespaces = new CoreV1Api(client).listNamespace().execute().getItems();
    assertThat(namespaces).extracting(ns -> ns.getMetadata().getName()).contains("default", "kube-system");
  }

  @Test
  void staleUpdateIsAConflict() throws ApiException {
    V1ConfigMap created = core.createNamespacedConfigMap("default",
        new V1ConfigMap().metadata(new V1ObjectMeta().name("stale")).data(Map.of("k", "v"))).execute();
    core.replaceNamespacedConfigMap("stale", "default", created.data(Map.of("k", "1"))).execute();
    assertThatThrownBy(() -> core.replaceNamespacedConfigMap("stale", "default", created.data(Map.of("k", "2"))).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void replicaSetGetsReadyPods() throws Exception {
    Map<String, String> labels = Map.of("app", "typed-rs");
    apps.createNamespacedReplicaSet("default", new V1ReplicaSet()
        .metadata(new V1ObjectMeta().name("typed-rs"))
        .spec(new V1ReplicaSetSpec().replicas(2).selector(new V1LabelSelector().matchLabels(labels))
            .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name("app").image("nginx:1.25"))))))
        .execute();
    Conditions.await("the ReplicaSet's 2 pods are ready", () -> {
      V1ReplicaSet rs = apps.readNamespacedReplicaSet("typed-rs", "default").execute();
      return rs.getStatus() != null && Integer.valueOf(2).equals(rs.getStatus().getReadyReplicas());
    });
    var pods = core.listNamespacedPod("default").labelSelector("app=typed-rs").execute().getItems();
    assertThat(pods).hasSize(2).allSatisfy(pod -> {
      assertThat(pod.getMetadata().getName()).matches("typed-rs-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
      assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> assertThat(owner.getController()).isTrue());
    });
  }
}
