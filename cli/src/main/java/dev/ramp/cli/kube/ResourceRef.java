package dev.ramp.cli.kube;

import java.util.Optional;

/**
 * One resource (or collection) of the Kubernetes API, with the names a person would use for it in
 * an error message.
 *
 * @param kind how a person calls one, lower case ({@code rollout})
 * @param group API group, empty for the core group
 * @param plural the resource ({@code rollouts})
 * @param namespace empty for cluster-wide (a list across namespaces, or a cluster-scoped kind)
 * @param name empty for a collection
 * @param subresource {@code status}, or empty
 */
public record ResourceRef(
    String kind,
    String group,
    String version,
    String plural,
    Optional<String> namespace,
    Optional<String> name,
    Optional<String> subresource) {

  public static ResourceRef rollouts(Optional<String> namespace) {
    return new ResourceRef("rollout", "ramp.dev", "v1alpha1", "rollouts", namespace, Optional.empty(), Optional.empty());
  }

  public static ResourceRef rollout(String namespace, String name) {
    return rollouts(Optional.of(namespace)).named(name);
  }

  public static ResourceRef analysisRuns(String namespace) {
    return new ResourceRef("analysisrun", "ramp.dev", "v1alpha1", "analysisruns", Optional.of(namespace),
        Optional.empty(), Optional.empty());
  }

  public static ResourceRef replicaSets(String namespace) {
    return new ResourceRef("replicaset", "apps", "v1", "replicasets", Optional.of(namespace), Optional.empty(),
        Optional.empty());
  }

  public static ResourceRef deployments(Optional<String> namespace) {
    return new ResourceRef("deployment", "apps", "v1", "deployments", namespace, Optional.empty(), Optional.empty());
  }

  public ResourceRef named(String newName) {
    return new ResourceRef(kind, group, version, plural, namespace, Optional.of(newName), subresource);
  }

  public ResourceRef status() {
    return new ResourceRef(kind, group, version, plural, namespace, name, Optional.of("status"));
  }

  /** The URL path: {@code /apis/ramp.dev/v1alpha1/namespaces/shop/rollouts/web/status}. */
  public String path() {
    StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
    namespace.ifPresent(ns -> path.append("/namespaces/").append(ns));
    path.append('/').append(plural);
    name.ifPresent(n -> path.append('/').append(n));
    subresource.ifPresent(s -> path.append('/').append(s));
    return path.toString();
  }

  /** As RBAC names it: {@code rollouts/status}. */
  public String rbacResource() {
    return plural + subresource.map(s -> "/" + s).orElse("");
  }

  /** {@code in namespace shop}, or {@code in any namespace}. */
  public String where() {
    return namespace.map(ns -> "in namespace " + ns).orElse("in any namespace");
  }
}
