package dev.ramp.controller.traffic;

import dev.ramp.api.rollout.IstioVirtualService;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.kube.ObjectKey;
import java.util.List;

/**
 * A VirtualService a Rollout routes through, located: {@code name} is in the Rollout's namespace,
 * {@code name.namespace} in another (Argo Rollouts' notation).
 */
public record VirtualServiceRef(ObjectKey key, List<String> routes) {

  public VirtualServiceRef {
    routes = List.copyOf(routes);
  }

  public static VirtualServiceRef of(IstioVirtualService spec, String rolloutNamespace) {
    String name = spec.name();
    int dot = name.indexOf('.');
    ObjectKey key = dot < 0
        ? new ObjectKey(rolloutNamespace, name)
        : new ObjectKey(name.substring(dot + 1), name.substring(0, dot));
    return new VirtualServiceRef(key, spec.routes());
  }

  /** Every VirtualService the Rollout's canary strategy names, none for other strategies. */
  public static List<VirtualServiceRef> all(Rollout rollout) {
    if (rollout.spec() == null || rollout.spec().strategy() == null) {
      return List.of();
    }
    String namespace = rollout.getMetadata().getNamespace();
    return rollout.spec().strategy().canary()
        .flatMap(canary -> canary.istio())
        .map(istio -> istio.allVirtualServices().stream().map(vs -> of(vs, namespace)).toList())
        .orElse(List.of());
  }
}
