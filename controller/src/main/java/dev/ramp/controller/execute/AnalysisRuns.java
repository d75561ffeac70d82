package dev.ramp.controller.execute;

import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisTemplateSpec;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.DryRun;
import dev.ramp.api.analysis.MeasurementRetention;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PodTemplateHashValue;
import dev.ramp.api.analysis.ValueFrom;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.controller.kube.RampMetadata;
import dev.ramp.controller.plan.AnalysisPurpose;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AnalysisRuns made from a Rollout's analysis: the templates' metrics merged, the arguments given
 * values (the Rollout's over the templates' defaults; {@code podTemplateHashValue} and {@code fieldRef}
 * resolved now, {@code secretKeyRef} left for the analysis controller to read at measurement time so
 * that no secret lands in the run), labelled with why it runs and which revision it judges, owned by
 * the Rollout.
 */
public final class AnalysisRuns {
  private static final Pattern LABEL_OR_ANNOTATION =
      Pattern.compile("metadata\\.(labels|annotations)\\['([^']+)'\\]");

  private AnalysisRuns() {}

  /** A merged spec, or why the templates and the Rollout's args do not make one. */
  public record Merged(Optional<AnalysisRunSpec> spec, List<String> problems) {
    public Merged {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Merges the templates of an analysis (in the order the Rollout lists them) with its args.
   *
   * @param templateNames how each template is named in sentences, e.g. {@code AnalysisTemplate ns/x}
   */
  public static Merged merge(Rollout rollout, RolloutAnalysis analysis, List<String> templateNames,
      List<AnalysisTemplateSpec> templates, String latestHash, String stableHash) {
    List<String> problems = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    Map<String, String> metricOwner = new LinkedHashMap<>();
    Map<String, Argument> declared = new LinkedHashMap<>();
    Map<String, String> argOwner = new LinkedHashMap<>();
    List<DryRun> dryRun = new ArrayList<>();
    List<MeasurementRetention> retention = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      AnalysisTemplateSpec template = templates.get(i);
      String name = templateNames.get(i);
      for (Metric metric : template.metrics()) {
        String owner = metricOwner.putIfAbsent(metric.name(), name);
        if (owner != null) {
          problems.add("metric '" + metric.name() + "' is defined by both " + owner + " and " + name);
        } else {
          metrics.add(metric);
        }
      }
      for (Argument arg : template.args()) {
        Argument before = declared.get(arg.name());
        if (before == null || (before.value().isEmpty() && before.valueFrom().isEmpty())) {
          declared.put(arg.name(), arg);
          argOwner.put(arg.name(), name);
        } else if ((arg.value().isPresent() || arg.valueFrom().isPresent())
            && (!arg.value().equals(before.value()) || !arg.valueFrom().equals(before.valueFrom()))) {
          problems.add("argument '" + arg.name() + "' has different defaults in " + argOwner.get(arg.name())
              + " and " + name);
        }
      }
      dryRun.addAll(template.dryRun());
      retention.addAll(template.measurementRetention());
    }
    for (Argument given : analysis.args()) {
      if (declared.containsKey(given.name())) {
        declared.put(given.name(), given);
      }
    }
    dryRun.addAll(analysis.dryRun());
    retention.addAll(analysis.measurementRetention());

    List<Argument> args = new ArrayList<>();
    for (Argument arg : declared.values()) {
      Optional<Argument> resolved = resolve(rollout, arg, latestHash, stableHash, argOwner.get(arg.name()), problems);
      resolved.ifPresent(args::add);
    }
    if (!problems.isEmpty()) {
      return new Merged(Optional.empty(), problems);
    }
    return new Merged(Optional.of(new AnalysisRunSpec(metrics, args, false, dryRun, retention)), List.of());
  }

  /** The AnalysisRun object for a merged spec. */
  public static AnalysisRun build(Rollout rollout, String name, AnalysisPurpose purpose, String latestHash,
      AnalysisRunSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(RampMetadataKeys.ANALYSIS, purpose.label());
    labels.put(RampMetadataKeys.POD_TEMPLATE_HASH, latestHash);
    return new AnalysisRun(new V1ObjectMeta()
        .name(name)
        .namespace(rollout.getMetadata().getNamespace())
        .labels(labels)
        .ownerReferences(List.of(RampMetadata.ownedBy(rollout))), spec);
  }

  private static Optional<Argument> resolve(Rollout rollout, Argument arg, String latestHash, String stableHash,
      String owner, List<String> problems) {
    if (arg.value().isPresent()) {
      return Optional.of(Argument.of(arg.name(), arg.value().get()));
    }
    if (arg.valueFrom().isEmpty()) {
      problems.add(owner + " needs argument '" + arg.name() + "', which the Rollout does not give");
      return Optional.empty();
    }
    ValueFrom from = arg.valueFrom().get();
    if (from.podTemplateHashValue().isPresent()) {
      String hash = from.podTemplateHashValue().get() == PodTemplateHashValue.STABLE ? stableHash : latestHash;
      return Optional.of(Argument.of(arg.name(), hash));
    }
    if (from.fieldRef().isPresent()) {
      String path = from.fieldRef().get().fieldPath();
      Optional<String> value = field(rollout, path);
      if (value.isEmpty()) {
        problems.add("argument '" + arg.name() + "' takes its value from " + path
            + ", which the Rollout does not have (metadata.name, metadata.namespace, metadata.uid, "
            + "metadata.labels['k'] and metadata.annotations['k'] are understood)");
      }
      return value.map(v -> Argument.of(arg.name(), v));
    }
    return Optional.of(arg);
  }

  private static Optional<String> field(Rollout rollout, String path) {
    V1ObjectMeta meta = rollout.getMetadata();
    switch (path) {
      case "metadata.name":
        return Optional.ofNullable(meta.getName());
      case "metadata.namespace":
        return Optional.ofNullable(meta.getNamespace());
      case "metadata.uid":
        return Optional.ofNullable(meta.getUid());
      default:
        Matcher m = LABEL_OR_ANNOTATION.matcher(path);
        if (!m.matches()) {
          return Optional.empty();
        }
        Map<String, String> map = m.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
        return Optional.ofNullable(map == null ? null : map.get(m.group(2)));
    }
  }
}
