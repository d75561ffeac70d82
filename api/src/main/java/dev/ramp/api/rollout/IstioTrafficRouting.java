package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Istio traffic routing: a host-level split between {@code canaryService} and {@code
 * stableService}, or, with a {@code destinationRule}, a subset-level split.
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record IstioTrafficRouting(
    Optional<IstioVirtualService> virtualService,
    List<IstioVirtualService> virtualServices,
    Optional<IstioDestinationRule> destinationRule) {

  public IstioTrafficRouting {
    virtualService = Copies.optional(virtualService);
    virtualServices = Copies.list(virtualServices);
    destinationRule = Copies.optional(destinationRule);
  }

  /** {@code virtualService} and {@code virtualServices} together: every VirtualService to set. */
  public List<IstioVirtualService> allVirtualServices() {
    List<IstioVirtualService> all = new ArrayList<>(virtualServices.size() + 1);
    virtualService.ifPresent(all::add);
    all.addAll(virtualServices);
    return List.copyOf(all);
  }

  /** True for a subset-level split (a DestinationRule is named). */
  public boolean isSubsetSplit() {
    return destinationRule.isPresent();
  }
}
