package dev.ramp.e2e.harness;

import java.util.List;
import java.util.Optional;

/**
 * A resource type the scenarios read, write or watch: where it lives in the API and whether it is
 * namespaced. The table is fixed (no discovery): the scenarios touch a known set of kinds.
 */
public record Kind(String group, String version, String plural, String kind, boolean namespaced) {

  public static final Kind NAMESPACE = new Kind("", "v1", "namespaces", "Namespace", false);
  public static final Kind SERVICE = new Kind("", "v1", "services", "Service", true);
  public static final Kind POD = new Kind("", "v1", "pods", "Pod", true);
  public static final Kind EVENT = new Kind("", "v1", "events", "Event", true);
  public static final Kind SECRET = new Kind("", "v1", "secrets", "Secret", true);
  public static final Kind CONFIG_MAP = new Kind("", "v1", "configmaps", "ConfigMap", true);
  public static final Kind REPLICA_SET = new Kind("apps", "v1", "replicasets", "ReplicaSet", true);
  public static final Kind DEPLOYMENT = new Kind("apps", "v1", "deployments", "Deployment", true);
  public static final Kind CRD =
      new Kind("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false);
  public static final Kind ROLLOUT = new Kind("ramp.dev", "v1alpha1", "rollouts", "Rollout", true);
  public static final Kind ANALYSIS_TEMPLATE =
      new Kind("ramp.dev", "v1alpha1", "analysistemplates", "AnalysisTemplate", true);
  public static final Kind CLUSTER_ANALYSIS_TEMPLATE =
      new Kind("ramp.dev", "v1alpha1", "clusteranalysistemplates", "ClusterAnalysisTemplate", false);
  public static final Kind ANALYSIS_RUN = new Kind("ramp.dev", "v1alpha1", "analysisruns", "AnalysisRun", true);
  public static final Kind VIRTUAL_SERVICE =
      new Kind("networking.istio.io", "v1beta1", "virtualservices", "VirtualService", true);
  public static final Kind DESTINATION_RULE =
      new Kind("networking.istio.io", "v1beta1", "destinationrules", "DestinationRule", true);

  private static final List<Kind> ALL = List.of(NAMESPACE, SERVICE, POD, EVENT, SECRET, CONFIG_MAP, REPLICA_SET,
      DEPLOYMENT, CRD, ROLLOUT, ANALYSIS_TEMPLATE, CLUSTER_ANALYSIS_TEMPLATE, ANALYSIS_RUN, VIRTUAL_SERVICE,
      DESTINATION_RULE);

  /** {@code group/version}, or {@code version} for the core group, as manifests write it. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The kind of a manifest's {@code apiVersion} and {@code kind}; Istio's kinds in any served version. */
  public static Optional<Kind> of(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return ALL.stream()
        .filter(k -> k.group.equals(group) && k.kind.equals(kind))
        .findFirst()
        .map(k -> k.version.equals(version) ? k : new Kind(group, version, k.plural, k.kind, k.namespaced));
  }

  /** The collection's path: {@code /apis/GROUP/VERSION[/namespaces/NS]/PLURAL}. */
  public String path(String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return namespaced && namespace != null && !namespace.isEmpty()
        ? prefix + "/namespaces/" + namespace + "/" + plural
        : prefix + "/" + plural;
  }

  @Override
  public String toString() {
    return kind;
  }
}
