package dev.ramp.controller.observe;

import dev.ramp.api.RampClients;
import dev.ramp.api.analysis.AnalysisTemplate;
import dev.ramp.api.analysis.AnalysisTemplateList;
import dev.ramp.api.analysis.AnalysisTemplateSpec;
import dev.ramp.api.analysis.ClusterAnalysisTemplate;
import dev.ramp.api.analysis.ClusterAnalysisTemplateList;
import dev.ramp.api.rollout.AnalysisTemplateRef;
import dev.ramp.api.rollout.BackgroundAnalysis;
import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.controller.execute.AnalysisRuns;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.Responses;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The (Cluster)AnalysisTemplates a Rollout refers to: whether they exist, and their specs. */
@Singleton
public class AnalysisTemplates {
  private final GenericKubernetesApi<AnalysisTemplate, AnalysisTemplateList> templates;
  private final GenericKubernetesApi<ClusterAnalysisTemplate, ClusterAnalysisTemplateList> clusterTemplates;

  public AnalysisTemplates(@Named(KubeClients.API) ApiClient client) {
    this.templates = RampClients.analysisTemplates(client);
    this.clusterTemplates = RampClients.clusterAnalysisTemplates(client);
  }

  /** Every analysis of the strategy: analysis steps, background, pre- and post-promotion. */
  public static List<RolloutAnalysis> analysesOf(Rollout rollout) {
    List<RolloutAnalysis> analyses = new ArrayList<>();
    rollout.spec().strategy().canary().ifPresent(canary -> {
      for (CanaryStep step : canary.steps()) {
        step.analysis().ifPresent(analyses::add);
      }
      canary.analysis().map(BackgroundAnalysis::toRolloutAnalysis).ifPresent(analyses::add);
    });
    rollout.spec().strategy().blueGreen().ifPresent(bg -> {
      bg.prePromotionAnalysis().ifPresent(analyses::add);
      bg.postPromotionAnalysis().ifPresent(analyses::add);
    });
    return analyses;
  }

  /**
   * What keeps the Rollout's analyses from running, as sentences: templates that do not exist,
   * arguments nobody gives a value, metrics defined twice.
   */
  public List<String> problems(Rollout rollout) {
    String namespace = rollout.getMetadata().getNamespace();
    Map<AnalysisTemplateRef, Optional<AnalysisTemplateSpec>> read = new LinkedHashMap<>();
    Set<String> problems = new LinkedHashSet<>();
    for (RolloutAnalysis analysis : analysesOf(rollout)) {
      List<AnalysisTemplateSpec> specs = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (AnalysisTemplateRef ref : analysis.templates()) {
        Optional<AnalysisTemplateSpec> spec = read.computeIfAbsent(ref, r -> spec(namespace, r));
        if (spec.isEmpty()) {
          problems.add(describe(namespace, ref) + " not found");
        } else {
          specs.add(spec.get());
          names.add(describe(namespace, ref));
        }
      }
      if (specs.size() == analysis.templates().size()) {
        problems.addAll(AnalysisRuns.merge(rollout, analysis, names, specs, "latest", "stable").problems());
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The templates of an analysis, in its order, with how each is named.
   *
   * @throws IllegalStateException when one does not exist (the observer reported it; the planner should not have started it)
   */
  public Resolved resolve(String namespace, RolloutAnalysis analysis) {
    List<AnalysisTemplateSpec> specs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (AnalysisTemplateRef ref : analysis.templates()) {
      specs.add(spec(namespace, ref).orElseThrow(() ->
          new IllegalStateException(describe(namespace, ref) + " not found")));
      names.add(describe(namespace, ref));
    }
    return new Resolved(names, specs);
  }

  /** An analysis' templates and their names. */
  public record Resolved(List<String> names, List<AnalysisTemplateSpec> specs) {}

  /** A template's spec, empty when it does not exist. */
  public Optional<AnalysisTemplateSpec> spec(String namespace, AnalysisTemplateRef ref) {
    if (ref.clusterScope()) {
      return Responses.found("GET " + describe(namespace, ref), () -> clusterTemplates.get(ref.templateName()))
          .map(ClusterAnalysisTemplate::spec);
    }
    return Responses.found("GET " + describe(namespace, ref), () -> templates.get(namespace, ref.templateName()))
        .map(AnalysisTemplate::spec);
  }

  /** {@code AnalysisTemplate ns/name} or {@code ClusterAnalysisTemplate name}. */
  public static String describe(String namespace, AnalysisTemplateRef ref) {
    return ref.clusterScope()
        ? "ClusterAnalysisTemplate " + ref.templateName()
        : "AnalysisTemplate " + namespace + "/" + ref.templateName();
  }
}
