package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The desired state of a Rollout: which pods ({@code template}, or {@code workloadRef} to a
 * Deployment), how many, and how to move from one revision to the next. Absent fields take Argo
 * Rollouts' defaults, the same the CRD schema fills in.
 *
 * @param replicas desired pods (default 1)
 * @param selector the pods' label selector; absent with workloadRef (taken from the workload)
 * @param minReadySeconds seconds a new pod must be ready to count as available (0)
 * @param revisionHistoryLimit old ReplicaSets kept (10)
 * @param paused stop where it is ({@code kubectl ramp pause})
 * @param progressDeadlineSeconds seconds without progress before the rollout turns Degraded (600)
 * @param progressDeadlineAbort abort when the deadline is exceeded
 * @param restartAt restart all pods once this time has passed
 * @param analysis how many finished AnalysisRuns to keep; see {@link #analysisRunHistory()}
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RolloutSpec(
    Integer replicas,
    Optional<V1LabelSelector> selector,
    Optional<V1PodTemplateSpec> template,
    Optional<WorkloadRef> workloadRef,
    int minReadySeconds,
    Integer revisionHistoryLimit,
    boolean paused,
    Integer progressDeadlineSeconds,
    boolean progressDeadlineAbort,
    Optional<OffsetDateTime> restartAt,
    Optional<AnalysisRunHistory> analysis,
    RolloutStrategy strategy) {

  public static final int DEFAULT_REPLICAS = 1;
  public static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;
  public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

  public RolloutSpec {
    replicas = replicas == null ? DEFAULT_REPLICAS : replicas;
    selector = Copies.optional(selector);
    template = Copies.optional(template);
    workloadRef = Copies.optional(workloadRef);
    revisionHistoryLimit = revisionHistoryLimit == null ? DEFAULT_REVISION_HISTORY_LIMIT : revisionHistoryLimit;
    progressDeadlineSeconds = progressDeadlineSeconds == null
        ? DEFAULT_PROGRESS_DEADLINE_SECONDS : progressDeadlineSeconds;
    restartAt = Copies.optional(restartAt);
    analysis = Copies.optional(analysis);
  }

  /** A spec with a pod template, a selector and a strategy; every other field at its default. */
  public static RolloutSpec of(V1LabelSelector selector, V1PodTemplateSpec template, RolloutStrategy strategy) {
    return new RolloutSpec(null, Optional.of(selector), Optional.of(template), Optional.empty(), 0, null, false, null,
        false, Optional.empty(), Optional.empty(), strategy);
  }

  /** How many finished AnalysisRuns to keep, with the defaults when {@code analysis} is absent. */
  public AnalysisRunHistory analysisRunHistory() {
    return analysis.orElse(AnalysisRunHistory.DEFAULT);
  }

  public RolloutSpec withReplicas(int newReplicas) {
    return new RolloutSpec(newReplicas, selector, template, workloadRef, minReadySeconds, revisionHistoryLimit, paused,
        progressDeadlineSeconds, progressDeadlineAbort, restartAt, analysis, strategy);
  }

  public RolloutSpec withPaused(boolean newPaused) {
    return new RolloutSpec(replicas, selector, template, workloadRef, minReadySeconds, revisionHistoryLimit,
        newPaused, progressDeadlineSeconds, progressDeadlineAbort, restartAt, analysis, strategy);
  }

  public RolloutSpec withTemplate(V1PodTemplateSpec newTemplate) {
    return new RolloutSpec(replicas, selector, Optional.of(newTemplate), workloadRef, minReadySeconds,
        revisionHistoryLimit, paused, progressDeadlineSeconds, progressDeadlineAbort, restartAt, analysis, strategy);
  }

  public RolloutSpec withRestartAt(OffsetDateTime newRestartAt) {
    return new RolloutSpec(replicas, selector, template, workloadRef, minReadySeconds, revisionHistoryLimit, paused,
        progressDeadlineSeconds, progressDeadlineAbort, Optional.ofNullable(newRestartAt), analysis, strategy);
  }

  public RolloutSpec withStrategy(RolloutStrategy newStrategy) {
    return new RolloutSpec(replicas, selector, template, workloadRef, minReadySeconds, revisionHistoryLimit, paused,
        progressDeadlineSeconds, progressDeadlineAbort, restartAt, analysis, newStrategy);
  }
}
