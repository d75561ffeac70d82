package dev.ramp.cli.kube;

/**
 * The cluster to talk to and where: what the global options and the kubeconfig resolve to.
 *
 * @param namespace {@code -n}, else the context's namespace, else {@code default}
 * @param context a description for messages: {@code context kind-dev in /home/me/.kube/config}
 */
public record Connection(Cluster cluster, String namespace, String context) {}
