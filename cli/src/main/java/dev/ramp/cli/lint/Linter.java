package dev.ramp.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.engine.MetricValidation;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampKind;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisTemplate;
import dev.ramp.api.analysis.AnalysisTemplateSpec;
import dev.ramp.api.analysis.ClusterAnalysisTemplate;
import dev.ramp.api.json.Manifests;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.validation.CustomResourceDefinitions;
import dev.ramp.api.validation.FieldError;
import dev.ramp.api.validation.ManifestCheck;
import dev.ramp.cli.lint.Finding.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kubectl ramp lint}, without a cluster: each Ramp object of the files is checked as the API
 * server would check it (the CRD's OpenAPI schema, its CEL rules, the fields it would drop), then
 * as the controller would (analysis templates and their arguments, metric conditions that compile,
 * selectors, Services). Objects of other kinds are counted and left alone.
 */
public final class Linter {
  private final CustomResourceDefinitions crds;
  private final MetricValidation metrics;

  public Linter(CustomResourceDefinitions crds, MetricValidation metrics) {
    this.crds = crds;
    this.metrics = metrics;
  }

  /** With the CRDs this plugin ships (on the classpath under {@code crds/}) and the analysis engine's checks. */
  public static Linter standard() {
    return new Linter(CustomResourceDefinitions.fromClasspath(), new MetricValidation(new Conditions()));
  }

  private record Document(String source, ObjectNode node) {
    String apiVersion() {
      return node.path("apiVersion").asText("");
    }

    String kind() {
      return node.path("kind").asText("");
    }

    String name() {
      return node.path("metadata").path("name").asText(node.path("metadata").path("generateName").asText(""));
    }

    String namespace() {
      return node.path("metadata").path("namespace").asText("");
    }

    String label() {
      return kind() + (name().isEmpty() ? "" : " " + name());
    }
  }

  public LintReport lint(List<Source> sources) {
    List<Finding> findings = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    for (Source source : sources) {
      try {
        for (ObjectNode node : Manifests.readAll(source.text())) {
          expand(source.name(), node, documents);
        }
      } catch (IllegalArgumentException e) {
        findings.add(new Finding(source.name(), "", Severity.ERROR, e.getMessage()));
      }
    }
    LintContext context = context(documents);
    int checked = 0;
    int skipped = 0;
    for (Document doc : documents) {
      if (!doc.apiVersion().startsWith(RampApi.GROUP + "/")) {
        skipped++;
        continue;
      }
      checked++;
      check(doc, context, findings);
    }
    return new LintReport(findings, checked, skipped);
  }

  private static void expand(String source, ObjectNode node, List<Document> into) {
    if (node.path("kind").asText("").endsWith("List") && node.path("items").isArray()) {
      for (JsonNode item : node.path("items")) {
        if (item.isObject()) {
          into.add(new Document(source, (ObjectNode) item));
        }
      }
    } else {
      into.add(new Document(source, node));
    }
  }

  private void check(Document doc, LintContext context, List<Finding> findings) {
    Optional<ManifestCheck> result = crds.check(doc.node());
    if (result.isEmpty()) {
      findings.add(new Finding(doc.source(), doc.label(), Severity.ERROR, "kind: " + RampApi.GROUP + " has no kind \""
          + doc.kind() + "\" (kinds: " + Arrays.stream(RampKind.values()).map(RampKind::kind)
              .collect(Collectors.joining(", ")) + ")"));
      return;
    }
    ManifestCheck check = result.get();
    for (String field : check.unknownFields()) {
      findings.add(new Finding(doc.source(), doc.label(), Severity.WARNING, field
          + ": unknown field, the API server drops it"));
    }
    for (FieldError error : check.errors()) {
      findings.add(new Finding(doc.source(), doc.label(), Severity.ERROR, error.text()));
    }
    if (!check.valid()) {
      return;
    }
    try {
      semantic(doc, check.stored(), context, findings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      findings.add(new Finding(doc.source(), doc.label(), Severity.ERROR, e.getMessage()));
    }
  }

  private void semantic(Document doc, ObjectNode stored, LintContext context, List<Finding> findings) {
    switch (doc.kind()) {
      case RampApi.ROLLOUT -> {
        Rollout rollout = Manifests.fromTree(stored, Rollout.class);
        for (RolloutChecks.Problem p : RolloutChecks.check(rollout, context)) {
          findings.add(new Finding(doc.source(), doc.label(), p.severity(), p.message()));
        }
      }
      case RampApi.ANALYSIS_TEMPLATE -> templateProblems(doc,
          Manifests.fromTree(stored, AnalysisTemplate.class).spec(), findings);
      case RampApi.CLUSTER_ANALYSIS_TEMPLATE -> templateProblems(doc,
          Manifests.fromTree(stored, ClusterAnalysisTemplate.class).spec(), findings);
      case RampApi.ANALYSIS_RUN -> {
        var spec = Manifests.fromTree(stored, AnalysisRun.class).spec();
        for (MetricValidation.Problem p : metrics.validate(spec.metrics(), spec.args())) {
          findings.add(new Finding(doc.source(), doc.label(), Severity.ERROR, "spec." + p));
        }
      }
      default -> {
        // a kind of ours the CRDs define but lint has no further checks for
      }
    }
  }

  private void templateProblems(Document doc, AnalysisTemplateSpec spec, List<Finding> findings) {
    for (MetricValidation.Problem p : metrics.validate(spec.metrics(), spec.args())) {
      findings.add(new Finding(doc.source(), doc.label(), Severity.ERROR, "spec." + p));
    }
  }

  /** The templates and Services the files define, read leniently: their own errors are reported on their own. */
  private static LintContext context(List<Document> documents) {
    Map<String, AnalysisTemplateSpec> templates = new HashMap<>();
    Map<String, AnalysisTemplateSpec> clusterTemplates = new HashMap<>();
    Set<String> services = new HashSet<>();
    for (Document doc : documents) {
      try {
        if (doc.apiVersion().equals(RampApi.API_VERSION) && doc.kind().equals(RampApi.ANALYSIS_TEMPLATE)) {
          Optional.ofNullable(Manifests.fromTree(doc.node(), AnalysisTemplate.class).spec())
              .ifPresent(s -> templates.put(doc.namespace() + "/" + doc.name(), s));
        } else if (doc.apiVersion().equals(RampApi.API_VERSION) && doc.kind().equals(RampApi.CLUSTER_ANALYSIS_TEMPLATE)) {
          Optional.ofNullable(Manifests.fromTree(doc.node(), ClusterAnalysisTemplate.class).spec())
              .ifPresent(s -> clusterTemplates.put(doc.name(), s));
        } else if (doc.apiVersion().equals("v1") && doc.kind().equals("Service")) {
          services.add(doc.namespace() + "/" + doc.name());
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        // a template that does not read is reported when it is checked itself
      }
    }
    return new LintContext(templates, clusterTemplates, services);
  }
}
