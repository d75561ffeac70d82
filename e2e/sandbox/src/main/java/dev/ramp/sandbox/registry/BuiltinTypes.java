package dev.ramp.sandbox.registry;

import dev.ramp.sandbox.crd.CrdStrategy;
import dev.ramp.sandbox.registry.ResourceType.Generation;
import dev.ramp.sandbox.strategy.DataStrategy;
import dev.ramp.sandbox.strategy.EventStrategy;
import dev.ramp.sandbox.strategy.EventsV1Converter;
import dev.ramp.sandbox.strategy.LeaseStrategy;
import dev.ramp.sandbox.strategy.NamespaceStrategy;
import dev.ramp.sandbox.strategy.PodStrategy;
import dev.ramp.sandbox.strategy.ServiceStrategy;
import dev.ramp.sandbox.strategy.WorkloadStrategy;
import dev.ramp.sandbox.validation.Names;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The built-in kinds the sandbox serves, with the scope, subresources and rules of kube-apiserver v1.28. */
public final class BuiltinTypes {
  private static final Map<String, String> EVENT_FIELDS = Map.ofEntries(
      Map.entry("involvedObject.kind", "involvedObject.kind"),
      Map.entry("involvedObject.namespace", "involvedObject.namespace"),
      Map.entry("involvedObject.name", "involvedObject.name"),
      Map.entry("involvedObject.uid", "involvedObject.uid"),
      Map.entry("involvedObject.apiVersion", "involvedObject.apiVersion"),
      Map.entry("involvedObject.resourceVersion", "involvedObject.resourceVersion"),
      Map.entry("involvedObject.fieldPath", "involvedObject.fieldPath"),
      Map.entry("reason", "reason"),
      Map.entry("reportingComponent", "reportingComponent"),
      Map.entry("source", "source.component"),
      Map.entry("type", "type"));

  private BuiltinTypes() {}

  public static List<ResourceType> all(Clock clock) {
    EventStrategy coreEvents = EventStrategy.core();
    return List.of(
        ResourceType.builder("", "v1", "namespaces", "Namespace").clusterScoped().status().shortNames(List.of("ns"))
            .nameRule(Names.Rule.LABEL).fieldLabels(Map.of("status.phase", "status.phase")).returnDeletedObject()
            .strategy(new NamespaceStrategy()).build(),
        ResourceType.builder("", "v1", "nodes", "Node").clusterScoped().status().shortNames(List.of("no"))
            .fieldLabels(Map.of("spec.unschedulable", "spec.unschedulable")).build(),
        ResourceType.builder("", "v1", "configmaps", "ConfigMap").shortNames(List.of("cm"))
            .strategy(DataStrategy.configMap()).build(),
        ResourceType.builder("", "v1", "secrets", "Secret").fieldLabels(Map.of("type", "type"))
            .strategy(DataStrategy.secret()).build(),
        ResourceType.builder("", "v1", "serviceaccounts", "ServiceAccount").shortNames(List.of("sa"))
            .returnDeletedObject().build(),
        ResourceType.builder("", "v1", "services", "Service").status().shortNames(List.of("svc"))
            .categories(List.of("all")).nameRule(Names.Rule.DNS1035).returnDeletedObject()
            .strategy(new ServiceStrategy()).build(),
        ResourceType.builder("", "v1", "endpoints", "Endpoints").singular("endpoints").shortNames(List.of("ep"))
            .allowCreateOnUpdate().build(),
        ResourceType.builder("", "v1", "pods", "Pod").status().shortNames(List.of("po")).categories(List.of("all"))
            .fieldLabels(Map.of("spec.nodeName", "spec.nodeName", "spec.restartPolicy", "spec.restartPolicy",
                "spec.schedulerName", "spec.schedulerName", "spec.serviceAccountName", "spec.serviceAccountName",
                "status.phase", "status.phase", "status.podIP", "status.podIP",
                "status.nominatedNodeName", "status.nominatedNodeName"))
            .returnDeletedObject().strategy(new PodStrategy()).build(),
        ResourceType.builder("", "v1", "events", "Event").shortNames(List.of("ev")).allowCreateOnUpdate()
            .fieldLabels(EVENT_FIELDS).strategy(coreEvents).build(),
        ResourceType.builder("apps", "v1", "replicasets", "ReplicaSet").status().scale(ScaleSpec.WORKLOAD)
            .shortNames(List.of("rs")).categories(List.of("all")).generation(Generation.SPEC)
            .fieldLabels(Map.of("status.replicas", "status.replicas")).strategy(WorkloadStrategy.replicaSet()).build(),
        ResourceType.builder("apps", "v1", "deployments", "Deployment").status().scale(ScaleSpec.WORKLOAD)
            .shortNames(List.of("deploy")).categories(List.of("all")).generation(Generation.SPEC)
            .strategy(WorkloadStrategy.deployment()).build(),
        ResourceType.builder("apps", "v1", "statefulsets", "StatefulSet").status().scale(ScaleSpec.WORKLOAD)
            .shortNames(List.of("sts")).categories(List.of("all")).generation(Generation.SPEC).build(),
        ResourceType.builder("apps", "v1", "daemonsets", "DaemonSet").status().shortNames(List.of("ds"))
            .categories(List.of("all")).generation(Generation.SPEC).build(),
        ResourceType.builder("coordination.k8s.io", "v1", "leases", "Lease").strategy(new LeaseStrategy()).build(),
        ResourceType.builder("events.k8s.io", "v1", "events", "Event").shortNames(List.of("ev")).allowCreateOnUpdate()
            .collection("core/events").fieldLabels(EVENT_FIELDS).strategy(EventStrategy.eventsV1())
            .converter(new EventsV1Converter()).build(),
        ResourceType.builder("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition")
            .clusterScoped().status().shortNames(List.of("crd", "crds")).categories(List.of("api-extensions"))
            .generation(Generation.SPEC).strategy(new CrdStrategy(clock)).build(),
        ResourceType.builder("networking.k8s.io", "v1", "ingresses", "Ingress").status().shortNames(List.of("ing"))
            .generation(Generation.SPEC).build(),
        ResourceType.builder("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy")
            .shortNames(List.of("netpol")).generation(Generation.SPEC).build(),
        ResourceType.builder("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget").status()
            .shortNames(List.of("pdb")).generation(Generation.SPEC).build(),
        ResourceType.builder("rbac.authorization.k8s.io", "v1", "roles", "Role").nameRule(Names.Rule.PATH_SEGMENT).build(),
        ResourceType.builder("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding")
            .nameRule(Names.Rule.PATH_SEGMENT).build(),
        ResourceType.builder("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole").clusterScoped()
            .nameRule(Names.Rule.PATH_SEGMENT).build(),
        ResourceType.builder("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding")
            .clusterScoped().nameRule(Names.Rule.PATH_SEGMENT).build());
  }
}
