package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.List;

/**
 * A VirtualService whose HTTP route weights Ramp sets.
 *
 * @param routes names of the HTTP routes to set; empty when the VirtualService has one HTTP route
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record IstioVirtualService(String name, List<String> routes) {

  public IstioVirtualService {
    routes = Copies.list(routes);
  }
}
