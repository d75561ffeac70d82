package dev.ramp.cli.lint;

import dev.ramp.api.analysis.AnalysisTemplateSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the linted files define besides the object being checked: the analysis templates a Rollout
 * may name, and the Services (when the files define any, a Rollout's Services are looked for too).
 *
 * @param templates AnalysisTemplates by {@code namespace/name} (namespace empty when the manifest sets none)
 * @param clusterTemplates ClusterAnalysisTemplates by name
 * @param services Services by {@code namespace/name}
 */
public record LintContext(Map<String, AnalysisTemplateSpec> templates, Map<String, AnalysisTemplateSpec> clusterTemplates,
    Set<String> services) {

  public LintContext {
    templates = Map.copyOf(templates);
    clusterTemplates = Map.copyOf(clusterTemplates);
    services = Set.copyOf(services);
  }

  public static LintContext empty() {
    return new LintContext(Map.of(), Map.of(), Set.of());
  }

  /** The template of that name in the namespace; a manifest without a namespace matches any. */
  public Optional<AnalysisTemplateSpec> template(String namespace, String name, boolean clusterScope) {
    if (clusterScope) {
      return Optional.ofNullable(clusterTemplates.get(name));
    }
    return Optional.ofNullable(templates.get(namespace + "/" + name))
        .or(() -> Optional.ofNullable(templates.get("/" + name)))
        .or(() -> namespace.isEmpty()
            ? templates.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name)).map(Map.Entry::getValue).findFirst()
            : Optional.empty());
  }

  public boolean hasServices() {
    return !services.isEmpty();
  }

  public boolean hasService(String namespace, String name) {
    return services.contains(namespace + "/" + name) || services.contains("/" + name)
        || namespace.isEmpty() && services.stream().anyMatch(s -> s.endsWith("/" + name));
  }
}
