package dev.ramp.controller.observe;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.plan.ObservedAnalysisRun;
import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.plan.ObservedWorkload;
import dev.ramp.controller.traffic.TrafficRouter;
import dev.ramp.controller.traffic.TrafficRouters;
import dev.ramp.controller.traffic.TrafficState;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers everything the planner needs about one Rollout: its ReplicaSets and AnalysisRuns from the
 * caches; its workload, traffic objects and analysis templates by GET (they have no cache); the clock.
 * What does not resolve becomes a sentence in {@link Observation#problems()} or in the traffic report,
 * never an exception.
 */
@Singleton
public class RolloutObserver {
  private final Caches caches;
  private final TrafficRouters routers;
  private final Workloads workloads;
  private final AnalysisTemplates templates;
  private final Clock clock;

  public RolloutObserver(Caches caches, TrafficRouters routers, Workloads workloads, AnalysisTemplates templates,
      Clock clock) {
    this.caches = caches;
    this.routers = routers;
    this.workloads = workloads;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * Reads the world of a Rollout as cached.
   *
   * @throws dev.ramp.controller.kube.KubeApiException when a GET fails (not when an object is missing)
   */
  public Observed observe(Rollout rollout) {
    String uid = rollout.getMetadata().getUid();
    List<String> problems = new ArrayList<>();

    Workloads.Resolution resolution = workloads.resolve(rollout);
    problems.addAll(resolution.problems());
    Rollout resolved = resolution.resolved();

    Map<String, V1ReplicaSet> replicaSets = new LinkedHashMap<>();
    List<ObservedReplicaSet> observedSets = new ArrayList<>();
    for (V1ReplicaSet rs : caches.replicaSetsOwnedBy(uid)) {
      if (rs.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      replicaSets.put(rs.getMetadata().getName(), rs);
      observedSets.add(ObservedObjects.replicaSet(rs));
    }
    observedSets.sort(Comparator.comparingLong(ObservedReplicaSet::revision)
        .thenComparing(ObservedReplicaSet::createdAt)
        .thenComparing(ObservedReplicaSet::name));

    Map<String, AnalysisRun> runs = new LinkedHashMap<>();
    List<ObservedAnalysisRun> observedRuns = new ArrayList<>();
    for (AnalysisRun run : caches.analysisRunsOwnedBy(uid)) {
      ObservedObjects.analysisRun(run).ifPresent(observedRun -> {
        runs.put(run.getMetadata().getName(), run);
        observedRuns.add(observedRun);
      });
    }
    observedRuns.sort(Comparator.comparing(ObservedAnalysisRun::createdAt).thenComparing(ObservedAnalysisRun::name));

    problems.addAll(templates.problems(resolved));

    TrafficRouter router = routers.forRollout(resolved);
    TrafficState traffic = router.observe(resolved);

    Optional<ObservedWorkload> workload = resolution.deployment().map(RolloutObserver::workload);
    // The planner takes a workloadRef's template and selector from the ObservedWorkload, so it sees the
    // Rollout as written; the routers and the ReplicaSet builder use the resolved one.
    Observation observation = new Observation(rollout, observedSets, traffic.observed(), observedRuns, workload,
        problems, clock.instant());
    return new Observed(observation, rollout, resolved, replicaSets, runs, resolution.deployment(), router, traffic);
  }

  private static ObservedWorkload workload(V1Deployment deployment) {
    int replicas = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null
        ? 1 : deployment.getSpec().getReplicas();
    int available = deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
        ? 0 : deployment.getStatus().getAvailableReplicas();
    return new ObservedWorkload(deployment.getMetadata().getName(), replicas, available,
        deployment.getSpec() == null ? null : deployment.getSpec().getTemplate(),
        deployment.getSpec() == null ? null : deployment.getSpec().getSelector());
  }
}
