package dev.ramp.controller.cache;

import dev.ramp.api.RampClients;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunList;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutList;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.controller.config.ControllerSettings;
import dev.ramp.controller.kube.ApiDiscovery;
import dev.ramp.controller.kube.Istio;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.kube.RampMetadata;
import dev.ramp.controller.traffic.VirtualServiceRef;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers' caches of everything the controller watches, all namespaces: Rollouts, the
 * ReplicaSets it created (picked by the pod-template-hash label, indexed by owning Rollout), the
 * AnalysisRuns (indexed by owning Rollout), Deployments (only to notice a change of one a Rollout's
 * {@code workloadRef} names: the Rollouts are indexed by it) and, when Istio's API is served,
 * VirtualServices (only to notice edits: the Rollouts that route through one are indexed by it).
 * Every replica keeps them warm,
 * leader or not, so that a standby that takes over acts at once.
 */
@Singleton
public class Caches {
  private static final Logger LOG = LoggerFactory.getLogger(Caches.class);
  static final String BY_OWNER = "by-owner-uid";
  static final String BY_VIRTUAL_SERVICE = "by-virtual-service";
  static final String BY_UID = "by-uid";
  static final String BY_WORKLOAD = "by-workload";

  private final SharedInformerFactory factory;
  private final ApiClient watchClient;
  private final ApiDiscovery discovery;
  private final SharedIndexInformer<Rollout> rollouts;
  private final SharedIndexInformer<V1ReplicaSet> replicaSets;
  private final SharedIndexInformer<AnalysisRun> analysisRuns;
  private final SharedIndexInformer<V1Deployment> deployments;
  private volatile Optional<SharedIndexInformer<DynamicKubernetesObject>> virtualServices = Optional.empty();
  private volatile boolean started;

  public Caches(@Named(KubeClients.WATCH) ApiClient watchClient, ApiDiscovery discovery, ControllerSettings settings) {
    this.watchClient = watchClient;
    this.discovery = discovery;
    this.factory = new SharedInformerFactory(watchClient);
    this.rollouts = factory.sharedIndexInformerFor(
        new SelectedListerWatcher<Rollout, RolloutList>(RampClients.rollouts(watchClient), Optional.empty()),
        Rollout.class, settings.resync().toMillis());
    this.replicaSets = factory.sharedIndexInformerFor(
        new SelectedListerWatcher<>(new GenericKubernetesApi<>(V1ReplicaSet.class, V1ReplicaSetList.class, "apps", "v1",
            "replicasets", watchClient), Optional.of(RampMetadataKeys.POD_TEMPLATE_HASH)),
        V1ReplicaSet.class, 0);
    this.analysisRuns = factory.sharedIndexInformerFor(
        new SelectedListerWatcher<AnalysisRun, AnalysisRunList>(RampClients.analysisRuns(watchClient),
            Optional.empty()),
        AnalysisRun.class, 0);
    this.deployments = factory.sharedIndexInformerFor(
        new SelectedListerWatcher<>(new GenericKubernetesApi<>(V1Deployment.class, V1DeploymentList.class, "apps", "v1",
            "deployments", watchClient), Optional.empty()),
        V1Deployment.class, 0);
    rollouts.addIndexers(Map.of(
        BY_VIRTUAL_SERVICE, rollout -> VirtualServiceRef.all(rollout).stream()
            .map(ref -> ref.key().toString()).distinct().toList(),
        BY_UID, rollout -> List.of(rollout.getMetadata().getUid()),
        BY_WORKLOAD, rollout -> Optional.ofNullable(rollout.spec()).flatMap(RolloutSpec::workloadRef)
            .map(ref -> List.of(new ObjectKey(rollout.getMetadata().getNamespace(), ref.name()).toString()))
            .orElse(List.of())));
    replicaSets.addIndexers(Map.of(BY_OWNER, Caches::ownerIndex));
    analysisRuns.addIndexers(Map.of(BY_OWNER, Caches::ownerIndex));
  }

  private static List<String> ownerIndex(KubernetesObject object) {
    return RampMetadata.controllingRolloutUid(object).map(List::of).orElse(List.of());
  }

  /**
   * Registers the listener and starts every informer. The VirtualService informer is started only
   * when the cluster serves Istio's networking API.
   */
  public synchronized void start(CacheEvents events) {
    if (started) {
      return;
    }
    rollouts.addEventHandler(handler(o -> events.rolloutChanged(ObjectKey.of(o))));
    replicaSets.addEventHandler(handler(o -> ownerOf(o, events)));
    analysisRuns.addEventHandler(handler(o -> ownerOf(o, events)));
    deployments.addEventHandler(handler(o -> events.workloadChanged(ObjectKey.of(o))));
    istioVersion().ifPresent(version -> {
      SharedIndexInformer<DynamicKubernetesObject> informer = factory.sharedIndexInformerFor(
          new SelectedListerWatcher<DynamicKubernetesObject, DynamicKubernetesListObject>(
              new DynamicKubernetesApi(Istio.GROUP, version, Istio.VIRTUAL_SERVICES, watchClient), Optional.empty()),
          DynamicKubernetesObject.class, 0);
      informer.addEventHandler(handler(o -> events.virtualServiceChanged(ObjectKey.of(o))));
      virtualServices = Optional.of(informer);
      LOG.info("Watching VirtualServices ({}/{}) to put back edits of the routes Ramp sets", Istio.GROUP, version);
    });
    factory.startAllRegisteredInformers();
    started = true;
  }

  private Optional<String> istioVersion() {
    try {
      return discovery.servedVersion(Istio.GROUP, Istio.VERSIONS);
    } catch (ApiException e) {
      LOG.warn("Cannot tell whether Istio is installed ({}); VirtualService edits are noticed at the next resync",
          e.getCode());
      return Optional.empty();
    }
  }

  private static void ownerOf(KubernetesObject object, CacheEvents events) {
    RampMetadata.controllingRolloutUid(object)
        .ifPresent(uid -> events.ownedObjectChanged(object.getMetadata().getNamespace(), uid));
  }

  private static <T extends KubernetesObject> ResourceEventHandler<T> handler(Consumer<T> changed) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        changed.accept(object);
      }

      @Override
      public void onUpdate(T oldObject, T newObject) {
        changed.accept(newObject);
      }

      @Override
      public void onDelete(T object, boolean deletedFinalStateUnknown) {
        changed.accept(object);
      }
    };
  }

  /**
   * Also reports every AnalysisRun change (add, update, delete) by key, to the analysis controller's
   * queue. Call before {@link #start}.
   */
  public void onAnalysisRunChange(Consumer<ObjectKey> changed) {
    analysisRuns.addEventHandler(handler(o -> changed.accept(ObjectKey.of(o))));
  }

  /** The factory the informers come from (client-java's controller builder asks for it). */
  public SharedInformerFactory informerFactory() {
    return factory;
  }

  /** Whether every informer has listed once. */
  public boolean hasSynced() {
    return started && rollouts.hasSynced() && replicaSets.hasSynced() && analysisRuns.hasSynced()
        && deployments.hasSynced() && virtualServices.map(SharedIndexInformer::hasSynced).orElse(true);
  }

  public Optional<Rollout> rollout(ObjectKey key) {
    return Optional.ofNullable(rollouts.getIndexer().getByKey(key.toString()));
  }

  public List<Rollout> rollouts() {
    return rollouts.getIndexer().list();
  }

  /** The Rollout with this uid (by uid, not name, so that a recreated Rollout is not confused with the old one). */
  public Optional<Rollout> rolloutByUid(String uid) {
    return rollouts.getIndexer().byIndex(BY_UID, uid).stream().findFirst();
  }

  public List<V1ReplicaSet> replicaSetsOwnedBy(String rolloutUid) {
    return replicaSets.getIndexer().byIndex(BY_OWNER, rolloutUid);
  }

  public List<AnalysisRun> analysisRunsOwnedBy(String rolloutUid) {
    return analysisRuns.getIndexer().byIndex(BY_OWNER, rolloutUid);
  }

  public Optional<AnalysisRun> analysisRun(ObjectKey key) {
    return Optional.ofNullable(analysisRuns.getIndexer().getByKey(key.toString()));
  }

  public List<AnalysisRun> analysisRuns() {
    return analysisRuns.getIndexer().list();
  }

  /** The Rollouts whose {@code workloadRef} names this Deployment. */
  public List<Rollout> rolloutsTakingOver(ObjectKey deployment) {
    return rollouts.getIndexer().byIndex(BY_WORKLOAD, deployment.toString());
  }

  /** The Rollouts whose traffic goes through this VirtualService. */
  public List<Rollout> rolloutsRoutingThrough(ObjectKey virtualService) {
    return rollouts.getIndexer().byIndex(BY_VIRTUAL_SERVICE, virtualService.toString());
  }

  @PreDestroy
  public synchronized void stop() {
    if (started) {
      factory.stopAllRegisteredInformers();
      started = false;
    }
  }
}
