package dev.ramp.controller.rollout;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A label selector in the text form of {@code kubectl get -l} and of a {@code /scale} subresource's
 * {@code status.selector} ({@code app=web,tier in (a,b)}), which an HPA reads.
 */
final class LabelSelectors {
  private LabelSelectors() {}

  static String format(V1LabelSelector selector) {
    List<String> parts = new ArrayList<>();
    Map<String, String> labels = selector.getMatchLabels() == null
        ? Map.of() : new TreeMap<>(selector.getMatchLabels());
    labels.forEach((k, v) -> parts.add(k + "=" + v));
    if (selector.getMatchExpressions() != null) {
      for (V1LabelSelectorRequirement r : selector.getMatchExpressions()) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues().stream().sorted().toList();
        switch (r.getOperator()) {
          case "In" -> parts.add(r.getKey() + " in (" + String.join(",", values) + ")");
          case "NotIn" -> parts.add(r.getKey() + " notin (" + String.join(",", values) + ")");
          case "Exists" -> parts.add(r.getKey());
          case "DoesNotExist" -> parts.add("!" + r.getKey());
          default -> parts.add(r.getKey() + " " + r.getOperator() + " (" + String.join(",", values) + ")");
        }
      }
    }
    return String.join(",", parts);
  }
}
