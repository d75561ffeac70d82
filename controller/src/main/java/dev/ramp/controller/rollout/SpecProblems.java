package dev.ramp.controller.rollout;

import dev.ramp.api.rollout.BlueGreenStrategy;
import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.CanaryStepAction;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.Pause;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.SetCanaryScale;
import dev.ramp.api.rollout.SetWeight;
import dev.ramp.api.value.IntOrStrings;
import dev.ramp.controller.plan.ObservedWorkload;
import dev.ramp.controller.plan.Observation;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What stops a Rollout where it is: the problems the observer and the traffic router found (objects
 * that do not exist, routes that do not resolve) and what the planner itself cannot work with (a
 * spec that got past the schema but contradicts itself). Each is a sentence that names the field or
 * object, for the InvalidSpec condition.
 */
final class SpecProblems {
  private SpecProblems() {}

  static List<String> of(Observation o) {
    List<String> problems = new ArrayList<>(o.problems());
    problems.addAll(o.traffic().problems());
    RolloutSpec spec = o.rollout().spec();
    if (spec == null || spec.strategy() == null) {
      problems.add("spec.strategy is missing: set canary or blueGreen");
      return problems;
    }
    if (spec.replicas() < 0) {
      problems.add("spec.replicas must not be negative, got " + spec.replicas());
    }
    if (spec.workloadRef().isPresent()) {
      String name = spec.workloadRef().get().name();
      if (o.workload().isEmpty() && problems.stream().noneMatch(p -> p.contains(name))) {
        problems.add("Deployment " + name + " named by spec.workloadRef not found");
      }
    } else if (spec.template().isEmpty()) {
      problems.add("spec.template is missing: give a pod template or a workloadRef");
    }
    if (spec.strategy().isCanary() == spec.strategy().isBlueGreen()) {
      problems.add("spec.strategy must set exactly one of canary and blueGreen");
      return problems;
    }
    spec.strategy().canary().ifPresent(c -> canary(c, problems));
    spec.strategy().blueGreen().ifPresent(b -> blueGreen(b, problems));
    return problems;
  }

  /** The pod template the Rollout runs: its own, or that of the Deployment its workloadRef names. */
  static Optional<V1PodTemplateSpec> template(Observation o) {
    if (o.rollout().spec().workloadRef().isPresent()) {
      return o.workload().map(ObservedWorkload::template);
    }
    return o.rollout().spec().template();
  }

  static Optional<V1LabelSelector> selector(Observation o) {
    if (o.rollout().spec().workloadRef().isPresent()) {
      return o.workload().map(ObservedWorkload::selector);
    }
    return o.rollout().spec().selector();
  }

  private static void canary(CanaryStrategy c, List<String> problems) {
    String at = "spec.strategy.canary";
    count(c.maxSurge(), at + ".maxSurge", problems);
    count(c.maxUnavailable(), at + ".maxUnavailable", problems);
    for (int i = 0; i < c.steps().size(); i++) {
      step(c.steps().get(i), at + ".steps[" + i + "]", problems);
    }
    c.analysis().flatMap(a -> a.startingStep()).filter(s -> s < 0 || s > c.steps().size()).ifPresent(s ->
        problems.add(at + ".analysis.startingStep " + s + " is not a step index (0.." + c.steps().size() + ")"));
    if (c.istio().isPresent()) {
      boolean subsets = c.istio().get().isSubsetSplit();
      if (!subsets && (c.canaryService().isEmpty() || c.stableService().isEmpty())) {
        problems.add(at + ": Istio host-level routing needs both canaryService and stableService");
      }
      if (c.istio().get().allVirtualServices().isEmpty()) {
        problems.add(at + ".trafficRouting.istio names no virtualService");
      }
    }
    if (c.canaryService().isPresent() && c.canaryService().equals(c.stableService())) {
      problems.add(at + ": canaryService and stableService must differ, both are " + c.canaryService().get());
    }
  }

  private static void step(CanaryStep step, String at, List<String> problems) {
    CanaryStepAction action;
    try {
      action = step.action();
    } catch (IllegalStateException e) {
      problems.add(at + ": " + e.getMessage());
      return;
    }
    if (action instanceof SetWeight w && (w.weight() < 0 || w.weight() > 100)) {
      problems.add(at + ".setWeight must be between 0 and 100, got " + w.weight());
    } else if (action instanceof Pause p) {
      try {
        p.parsedDuration();
      } catch (IllegalArgumentException e) {
        problems.add(at + ".pause.duration: " + e.getMessage());
      }
    } else if (action instanceof SetCanaryScale s) {
      int set = (s.weight().isPresent() ? 1 : 0) + (s.replicas().isPresent() ? 1 : 0)
          + (s.matchTrafficWeight().orElse(false) ? 1 : 0);
      if (set != 1) {
        problems.add(at + ".setCanaryScale must set exactly one of weight, replicas and matchTrafficWeight");
      }
      s.weight().filter(w -> w < 0 || w > 100).ifPresent(w ->
          problems.add(at + ".setCanaryScale.weight must be between 0 and 100, got " + w));
      s.replicas().filter(r -> r < 0).ifPresent(r ->
          problems.add(at + ".setCanaryScale.replicas must not be negative, got " + r));
    } else if (action instanceof RolloutAnalysis a && a.templates().isEmpty()) {
      problems.add(at + ".analysis names no template");
    }
  }

  private static void blueGreen(BlueGreenStrategy b, List<String> problems) {
    String at = "spec.strategy.blueGreen";
    if (b.activeService() == null || b.activeService().isBlank()) {
      problems.add(at + ".activeService is missing");
    } else if (b.previewService().equals(Optional.of(b.activeService()))) {
      problems.add(at + ": activeService and previewService must differ, both are " + b.activeService());
    }
    b.previewReplicaCount().filter(n -> n < 0).ifPresent(n ->
        problems.add(at + ".previewReplicaCount must not be negative, got " + n));
    b.maxUnavailable().ifPresent(m -> count(m, at + ".maxUnavailable", problems));
    if (b.autoPromotionSeconds() < 0) {
      problems.add(at + ".autoPromotionSeconds must not be negative, got " + b.autoPromotionSeconds());
    }
  }

  private static void count(IntOrString value, String field, List<String> problems) {
    try {
      IntOrStrings.scaledValue(value, 100, true, field);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
  }
}
