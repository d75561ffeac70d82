package dev.ramp.sandbox.contract.harness;

/**
 * A kind of object the suite talks to and where it is served: group (empty for the core group),
 * version and plural resource name.
 */
public record Resource(String group, String version, String plural, String kind, boolean namespaced) {
  public static final String GROUP = "contract.ramp.dev";

  public static final Resource CONFIG_MAPS = new Resource("", "v1", "configmaps", "ConfigMap", true);
  public static final Resource NAMESPACES = new Resource("", "v1", "namespaces", "Namespace", false);
  public static final Resource PODS = new Resource("", "v1", "pods", "Pod", true);
  public static final Resource SERVICES = new Resource("", "v1", "services", "Service", true);
  public static final Resource CORE_EVENTS = new Resource("", "v1", "events", "Event", true);
  public static final Resource EVENTS = new Resource("events.k8s.io", "v1", "events", "Event", true);
  public static final Resource REPLICA_SETS = new Resource("apps", "v1", "replicasets", "ReplicaSet", true);
  public static final Resource DEPLOYMENTS = new Resource("apps", "v1", "deployments", "Deployment", true);
  public static final Resource LEASES = new Resource("coordination.k8s.io", "v1", "leases", "Lease", true);
  public static final Resource CRDS =
      new Resource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false);

  /** The suite's own test kinds (contract/*.yaml). */
  public static final Resource ROLLOUTS = new Resource(GROUP, "v1", "rollouts", "Rollout", true);
  public static final Resource CANARIES = new Resource(GROUP, "v1", "canaries", "Canary", true);

  /** Istio's VirtualService as the suite installs it: v1, v1beta1 and v1alpha3 served. */
  public static final Resource VIRTUAL_SERVICES =
      new Resource("networking.istio.io", "v1beta1", "virtualservices", "VirtualService", true);

  public Resource inVersion(String otherVersion) {
    return new Resource(group, otherVersion, plural, kind, namespaced);
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code rollouts.contract.ramp.dev}, as the server names the resource in messages. */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code Rollout.contract.ramp.dev}, as the server names the kind in messages. */
  public String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  private String root() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** The collection: {@code /apis/g/v/namespaces/ns/plural}, or cluster-wide when {@code namespace} is empty. */
  public String collection(String namespace) {
    if (!namespaced || namespace.isEmpty()) {
      return root() + "/" + plural;
    }
    return root() + "/namespaces/" + namespace + "/" + plural;
  }

  public String path(String namespace, String name) {
    return collection(namespace) + "/" + name;
  }
}
