package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** client-java's generic API, informers and leader election against the sandbox (A8c, W8, LE1–LE6). */
class ClientJavaTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    sandbox.apply(Path.of("src/test/resources/crds/rollout.yaml"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void genericApiSurfacesA404AsAnUnsuccessfulResponse() {
    DynamicKubernetesApi rollouts = new DynamicKubernetesApi("spike.example.com", "v1", "rollouts", sandbox.apiClient());
    var missing = rollouts.get("default", "nope");
    assertThat(missing.isSuccess()).isFalse();
    assertThat(missing.getHttpStatusCode()).isEqualTo(404);
    assertThat(missing.getStatus().getReason()).isEqualTo("NotFound");

    var object = new DynamicKubernetesObject();
    object.setApiVersion("spike.example.com/v1");
    object.setKind("Rollout");
    object.setMetadata(new V1ObjectMeta().name("generic").namespace("default"));
    var created = rollouts.create(object);
    assertThat(created.isSuccess()).isTrue();
    assertThat(rollouts.get("default", "generic").getObject().getMetadata().getGeneration()).isEqualTo(1);
    assertThat(rollouts.delete("default", "generic").isSuccess()).isTrue();
    assertThat(rollouts.delete("default", "generic").getHttpStatusCode()).isEqualTo(404);
  }

  @Test
  void informerListsAndWatches() throws Exception {
    GenericKubernetesApi<V1ConfigMap, V1ConfigMapList> configMaps =
        new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", sandbox.apiClient());
    for (int i = 0; i < 3; i++) {
      configMaps.create(new V1ConfigMap().metadata(new V1ObjectMeta().name("before-" + i).namespace("default")))
          .throwsApiException();
    }
    List<String> seen = new CopyOnWriteArrayList<>();
    SharedInformerFactory factory = new SharedInformerFactory(sandbox.watchClient());
    GenericKubernetesApi<V1ConfigMap, V1ConfigMapList> watching =
        new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", sandbox.watchClient());
    SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(watching, V1ConfigMap.class, 0, "default");
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(V1ConfigMap object) {
        seen.add("add " + object.getMetadata().getName());
      }

      @Override
      public void onUpdate(V1ConfigMap before, V1ConfigMap after) {
        seen.add("update " + after.getMetadata().getName());
      }

      @Override
      public void onDelete(V1ConfigMap object, boolean unknown) {
        seen.add("delete " + object.getMetadata().getName());
      }
    });
    factory.startAllRegisteredInformers();
    try {
      Conditions.await("the informer synced", informer::hasSynced);
      Conditions.await("the existing objects were added", () -> seen.size() == 3);
      configMaps.create(new V1ConfigMap().metadata(new V1ObjectMeta().name("live").namespace("default"))).throwsApiException();
      configMaps.patch("default", "live", "application/merge-patch+json",
          new io.kubernetes.client.custom.V1Patch("{\"data\":{\"a\":\"b\"}}")).throwsApiException();
      configMaps.delete("default", "live").throwsApiException();
      Conditions.await("add, update and delete were seen", () -> seen.contains("delete live"));
      assertThat(seen).containsExactly("add before-0", "add before-1", "add before-2", "add live", "update live",
          "delete live");
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }

  @Test
  void leaderElectionAcquiresAndHandsOver() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    AtomicBoolean aLeads = new AtomicBoolean();
    AtomicBoolean bLeads = new AtomicBoolean();
    LeaderElector a = elector("cand-a");
    LeaderElector b = elector("cand-b");
    try {
      threads.submit(() -> a.run(() -> aLeads.set(true), () -> aLeads.set(false)));
      Conditions.await("a leads", aLeads::get);
      threads.submit(() -> b.run(() -> bLeads.set(true), () -> bLeads.set(false)));
      var lease = new CoordinationV1Api(sandbox.apiClient()).readNamespacedLease("ramp-leader", "default").execute();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("cand-a");
      assertThat(sandboxLeaseField("renewTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
      assertThat(bLeads).isFalse();
      a.close();
      Conditions.await("b leads after a stepped down", Duration.ofSeconds(10), bLeads::get);
      var handedOver = new CoordinationV1Api(sandbox.apiClient()).readNamespacedLease("ramp-leader", "default").execute();
      assertThat(handedOver.getSpec().getHolderIdentity()).isEqualTo("cand-b");
      assertThat(handedOver.getSpec().getLeaseTransitions()).isEqualTo(1);
    } finally {
      a.close();
      b.close();
      threads.shutdownNow();
    }
  }

  private static String sandboxLeaseField(String field) {
    return new Http(sandbox).get("/apis/coordination.k8s.io/v1/namespaces/default/leases/ramp-leader")
        .at("/spec/" + field).asText();
  }

  private static LeaderElector elector(String identity) {
    LeaseLock lock = new LeaseLock("default", "ramp-leader", identity, sandbox.apiClient());
    return new LeaderElector(new LeaderElectionConfig(lock, Duration.ofSeconds(2), Duration.ofMillis(1500),
        Duration.ofMillis(200)));
  }

}
