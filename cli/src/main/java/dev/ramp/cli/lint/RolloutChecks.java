package dev.ramp.cli.lint;

import dev.ramp.api.analysis.AnalysisTemplateSpec;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.rollout.AnalysisTemplateRef;
import dev.ramp.api.rollout.BlueGreenStrategy;
import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.cli.lint.Finding.Severity;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a Rollout that its CRD schema cannot make, as the controller makes them before it
 * acts: every analysis template it names exists (among the linted files) and gets every argument it
 * needs, metric names do not clash across templates, the selector selects the template's labels, and
 * the Services it names are defined (when the files define Services at all).
 */
public final class RolloutChecks {
  private RolloutChecks() {}

  /** A finding about one field. */
  public record Problem(Severity severity, String message) {}

  public static List<Problem> check(Rollout rollout, LintContext context) {
    List<Problem> problems = new ArrayList<>();
    RolloutSpec spec = rollout.spec();
    if (spec == null || spec.strategy() == null) {
      return problems;
    }
    String namespace = Optional.ofNullable(rollout.metadata().getNamespace()).orElse("");
    selector(spec, problems);
    spec.strategy().canary().ifPresent(canary -> canary(canary, namespace, context, problems));
    spec.strategy().blueGreen().ifPresent(bg -> blueGreen(spec, bg, namespace, context, problems));
    return problems;
  }

  private static void canary(CanaryStrategy canary, String namespace, LintContext context, List<Problem> problems) {
    String path = "spec.strategy.canary";
    List<CanaryStep> steps = canary.steps();
    for (int i = 0; i < steps.size(); i++) {
      int index = i;
      steps.get(i).analysis().ifPresent(a -> analysis(path + ".steps[" + index + "].analysis", a.templates(), a.args(),
          namespace, context, problems));
    }
    canary.analysis().ifPresent(a -> analysis(path + ".analysis", a.templates(), a.args(), namespace, context, problems));
    service(path + ".canaryService", canary.canaryService(), namespace, context, problems);
    service(path + ".stableService", canary.stableService(), namespace, context, problems);
  }

  private static void blueGreen(RolloutSpec spec, BlueGreenStrategy bg, String namespace, LintContext context,
      List<Problem> problems) {
    String path = "spec.strategy.blueGreen";
    bg.prePromotionAnalysis().ifPresent(a -> analysis(path + ".prePromotionAnalysis", a.templates(), a.args(),
        namespace, context, problems));
    bg.postPromotionAnalysis().ifPresent(a -> analysis(path + ".postPromotionAnalysis", a.templates(), a.args(),
        namespace, context, problems));
    service(path + ".activeService", Optional.ofNullable(bg.activeService()), namespace, context, problems);
    service(path + ".previewService", bg.previewService(), namespace, context, problems);
    bg.previewReplicaCount().filter(n -> n > spec.replicas()).ifPresent(n -> problems.add(new Problem(Severity.WARNING,
        path + ".previewReplicaCount: " + n + " is more than spec.replicas (" + spec.replicas() + ")")));
    if (!bg.autoPromotionEnabled() && bg.autoPromotionSeconds() > 0) {
      problems.add(new Problem(Severity.WARNING, path + ".autoPromotionSeconds: ignored while autoPromotionEnabled is"
          + " false (the rollout waits for kubectl ramp promote)"));
    }
  }

  private static void analysis(String path, List<AnalysisTemplateRef> refs, List<Argument> args, String namespace,
      LintContext context, List<Problem> problems) {
    if (refs.isEmpty()) {
      problems.add(new Problem(Severity.ERROR, path + ".templates: at least one template is needed"));
      return;
    }
    Set<String> given = new HashSet<>();
    args.forEach(a -> given.add(a.name()));
    Set<String> declared = new HashSet<>();
    Set<String> metricNames = new HashSet<>();
    boolean allFound = true;
    for (int i = 0; i < refs.size(); i++) {
      AnalysisTemplateRef ref = refs.get(i);
      String kind = ref.clusterScope() ? "ClusterAnalysisTemplate" : "AnalysisTemplate";
      Optional<AnalysisTemplateSpec> template = context.template(namespace, ref.templateName(), ref.clusterScope());
      if (template.isEmpty()) {
        allFound = false;
        problems.add(new Problem(Severity.WARNING, path + ".templates[" + i + "]: " + kind + " \"" + ref.templateName()
            + "\" is not in the linted files; it must exist in the cluster"
            + (ref.clusterScope() ? "" : namespace.isEmpty() ? " (in the rollout's namespace)" : " in namespace " + namespace)));
        continue;
      }
      Set<String> missing = new LinkedHashSet<>();
      for (Argument arg : template.get().args()) {
        declared.add(arg.name());
        if (arg.value().isEmpty() && arg.valueFrom().isEmpty() && !given.contains(arg.name())) {
          missing.add(arg.name());
        }
      }
      for (String name : missing) {
        problems.add(new Problem(Severity.ERROR, path + ".args: " + kind + " \"" + ref.templateName() + "\" needs arg \""
            + name + "\", which is not given"));
      }
      for (Metric metric : template.get().metrics()) {
        if (metric.name() != null && !metricNames.add(metric.name())) {
          problems.add(new Problem(Severity.ERROR, path + ".templates[" + i + "]: metric \"" + metric.name()
              + "\" is also in an earlier template; an analysis needs distinct metric names"));
        }
      }
    }
    if (allFound) {
      for (int i = 0; i < args.size(); i++) {
        if (!declared.contains(args.get(i).name())) {
          problems.add(new Problem(Severity.WARNING, path + ".args[" + i + "]: arg \"" + args.get(i).name()
              + "\" is not declared by any of its templates"));
        }
      }
    }
  }

  private static void service(String path, Optional<String> name, String namespace, LintContext context,
      List<Problem> problems) {
    if (name.isPresent() && context.hasServices() && !context.hasService(namespace, name.get())) {
      problems.add(new Problem(Severity.WARNING, path + ": Service \"" + name.get()
          + "\" is not in the linted files; it must exist in the cluster"));
    }
  }

  /** matchExpressions too (the CRD checks matchLabels): a selector that misses the template owns no pods. */
  private static void selector(RolloutSpec spec, List<Problem> problems) {
    if (spec.selector().isEmpty() || spec.template().isEmpty()) {
      return;
    }
    V1LabelSelector selector = spec.selector().get();
    Map<String, String> labels = Optional.ofNullable(spec.template().get().getMetadata())
        .map(m -> m.getLabels()).orElse(Map.of());
    List<V1LabelSelectorRequirement> expressions = Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of());
    for (int i = 0; i < expressions.size(); i++) {
      V1LabelSelectorRequirement r = expressions.get(i);
      String value = labels.get(r.getKey());
      List<String> values = Optional.ofNullable(r.getValues()).orElse(List.of());
      boolean matches = switch (String.valueOf(r.getOperator())) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> true;
      };
      if (!matches) {
        problems.add(new Problem(Severity.ERROR, "spec.selector.matchExpressions[" + i + "]: " + r.getKey() + " "
            + r.getOperator() + (values.isEmpty() ? "" : " " + values) + " does not match the template's labels "
            + labels + ": the rollout would select none of its own pods"));
      }
    }
  }
}
