package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An Istio VirtualService's HTTP routes and their weights. */
public record VirtualServiceView(JsonNode object) {

  /**
   * The weights of one HTTP route (by name; empty or null: the first route), keyed by destination: the
   * subset when it names one, else the host. A destination without a weight counts as 0.
   */
  public Map<String, Integer> weights(String route) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    findRoute(route).ifPresent(http -> {
      for (JsonNode destination : http.path("route")) {
        JsonNode d = destination.path("destination");
        String key = d.path("subset").asText().isEmpty() ? d.path("host").asText() : d.path("subset").asText();
        weights.merge(key, destination.path("weight").asInt(0), Integer::sum);
      }
    });
    return weights;
  }

  /** The weight of one destination (host or subset) in a route, 0 when it is not there. */
  public int weight(String route, String destination) {
    return weights(route).getOrDefault(destination, 0);
  }

  private Optional<JsonNode> findRoute(String route) {
    JsonNode http = object.at("/spec/http");
    if (route == null || route.isEmpty()) {
      return http.size() > 0 ? Optional.of(http.get(0)) : Optional.empty();
    }
    for (JsonNode r : http) {
      if (r.path("name").asText().equals(route)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public String summary() {
    StringBuilder out = new StringBuilder();
    for (JsonNode http : object.at("/spec/http")) {
      if (out.length() > 0) {
        out.append("; ");
      }
      String name = http.path("name").asText();
      out.append(name.isEmpty() ? "route" : name).append(' ');
      out.append(weights(name).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(" ")));
    }
    return out.toString();
  }
}
