package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.OmittedWhenEmpty;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the controller knows about a rollout. All state lives here, so a restarted
 * controller resumes exactly where it was. Build new ones with {@link #toBuilder()}.
 *
 * @param phase Healthy, Progressing, Paused or Degraded; absent until the controller first reports
 * @param message why the rollout is in its phase
 * @param observedGeneration {@code metadata.generation} of the spec this status reflects
 * @param currentStepIndex index of the canary step in progress; the number of steps once all are done
 * @param currentStepHash hash of the steps, to notice when they change
 * @param currentPodHash pod-template hash of the current (newest) revision
 * @param stableRS pod-template hash of the stable ReplicaSet
 * @param selector the pods' label selector as a string, for /scale and HPA
 * @param pauseConditions why the controller paused; promotion clears them
 * @param controllerPause the controller paused the rollout
 * @param abort abort the update ({@code kubectl ramp abort}; retry clears it)
 * @param abortedAt when the abort was carried out
 * @param promoteFull skip remaining steps, pauses and analyses ({@code promote --full})
 * @param restartedAt when the last restart ({@code spec.restartAt}) was carried out
 * @param collisionCount hash collisions met when naming ReplicaSets
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RolloutStatus(
    Optional<RolloutPhase> phase,
    Optional<String> message,
    Optional<Long> observedGeneration,
    Optional<Integer> currentStepIndex,
    Optional<String> currentStepHash,
    Optional<String> currentPodHash,
    Optional<String> stableRS,
    int replicas,
    int updatedReplicas,
    int readyReplicas,
    int availableReplicas,
    Optional<String> selector,
    List<PauseCondition> pauseConditions,
    boolean controllerPause,
    boolean abort,
    Optional<OffsetDateTime> abortedAt,
    boolean promoteFull,
    List<RolloutCondition> conditions,
    CanaryStatus canary,
    BlueGreenStatus blueGreen,
    Optional<OffsetDateTime> restartedAt,
    Optional<Integer> collisionCount) implements OmittedWhenEmpty {

  /** The status of a Rollout the controller has not reported on yet. */
  public static final RolloutStatus EMPTY = new Builder().build();

  public RolloutStatus {
    phase = Copies.optional(phase);
    message = Copies.optional(message);
    observedGeneration = Copies.optional(observedGeneration);
    currentStepIndex = Copies.optional(currentStepIndex);
    currentStepHash = Copies.optional(currentStepHash);
    currentPodHash = Copies.optional(currentPodHash);
    stableRS = Copies.optional(stableRS);
    selector = Copies.optional(selector);
    pauseConditions = Copies.list(pauseConditions);
    abortedAt = Copies.optional(abortedAt);
    conditions = Copies.list(conditions);
    canary = canary == null ? CanaryStatus.EMPTY : canary;
    blueGreen = blueGreen == null ? BlueGreenStatus.EMPTY : blueGreen;
    restartedAt = Copies.optional(restartedAt);
    collisionCount = Copies.optional(collisionCount);
  }

  @Override
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  /** The pause condition with this reason, if the rollout is paused for it. */
  public Optional<PauseCondition> pauseCondition(PauseReason reason) {
    return pauseConditions.stream().filter(c -> c.reason() == reason).findFirst();
  }

  /** The condition of this type, if reported. */
  public Optional<RolloutCondition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** This status with the condition of that type replaced (or added). */
  public RolloutStatus withCondition(RolloutCondition condition) {
    List<RolloutCondition> updated = new ArrayList<>(conditions.size() + 1);
    boolean replaced = false;
    for (RolloutCondition c : conditions) {
      if (c.type().equals(condition.type())) {
        updated.add(condition);
        replaced = true;
      } else {
        updated.add(c);
      }
    }
    if (!replaced) {
      updated.add(condition);
    }
    return toBuilder().conditions(updated).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.phase = phase.orElse(null);
    b.message = message.orElse(null);
    b.observedGeneration = observedGeneration.orElse(null);
    b.currentStepIndex = currentStepIndex.orElse(null);
    b.currentStepHash = currentStepHash.orElse(null);
    b.currentPodHash = currentPodHash.orElse(null);
    b.stableRS = stableRS.orElse(null);
    b.replicas = replicas;
    b.updatedReplicas = updatedReplicas;
    b.readyReplicas = readyReplicas;
    b.availableReplicas = availableReplicas;
    b.selector = selector.orElse(null);
    b.pauseConditions = pauseConditions;
    b.controllerPause = controllerPause;
    b.abort = abort;
    b.abortedAt = abortedAt.orElse(null);
    b.promoteFull = promoteFull;
    b.conditions = conditions;
    b.canary = canary;
    b.blueGreen = blueGreen;
    b.restartedAt = restartedAt.orElse(null);
    b.collisionCount = collisionCount.orElse(null);
    return b;
  }

  /** Builds a {@link RolloutStatus}; null clears an optional field. */
  public static final class Builder {
    private RolloutPhase phase;
    private String message;
    private Long observedGeneration;
    private Integer currentStepIndex;
    private String currentStepHash;
    private String currentPodHash;
    private String stableRS;
    private int replicas;
    private int updatedReplicas;
    private int readyReplicas;
    private int availableReplicas;
    private String selector;
    private List<PauseCondition> pauseConditions = List.of();
    private boolean controllerPause;
    private boolean abort;
    private OffsetDateTime abortedAt;
    private boolean promoteFull;
    private List<RolloutCondition> conditions = List.of();
    private CanaryStatus canary;
    private BlueGreenStatus blueGreen;
    private OffsetDateTime restartedAt;
    private Integer collisionCount;

    private Builder() {}

    public Builder phase(RolloutPhase phase) {
      this.phase = phase;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder observedGeneration(Long observedGeneration) {
      this.observedGeneration = observedGeneration;
      return this;
    }

    public Builder currentStepIndex(Integer currentStepIndex) {
      this.currentStepIndex = currentStepIndex;
      return this;
    }

    public Builder currentStepHash(String currentStepHash) {
      this.currentStepHash = currentStepHash;
      return this;
    }

    public Builder currentPodHash(String currentPodHash) {
      this.currentPodHash = currentPodHash;
      return this;
    }

    public Builder stableRS(String stableRS) {
      this.stableRS = stableRS;
      return this;
    }

    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    public Builder updatedReplicas(int updatedReplicas) {
      this.updatedReplicas = updatedReplicas;
      return this;
    }

    public Builder readyReplicas(int readyReplicas) {
      this.readyReplicas = readyReplicas;
      return this;
    }

    public Builder availableReplicas(int availableReplicas) {
      this.availableReplicas = availableReplicas;
      return this;
    }

    public Builder selector(String selector) {
      this.selector = selector;
      return this;
    }

    public Builder pauseConditions(List<PauseCondition> pauseConditions) {
      this.pauseConditions = pauseConditions;
      return this;
    }

    public Builder controllerPause(boolean controllerPause) {
      this.controllerPause = controllerPause;
      return this;
    }

    public Builder abort(boolean abort) {
      this.abort = abort;
      return this;
    }

    public Builder abortedAt(OffsetDateTime abortedAt) {
      this.abortedAt = abortedAt;
      return this;
    }

    public Builder promoteFull(boolean promoteFull) {
      this.promoteFull = promoteFull;
      return this;
    }

    public Builder conditions(List<RolloutCondition> conditions) {
      this.conditions = conditions;
      return this;
    }

    public Builder canary(CanaryStatus canary) {
      this.canary = canary;
      return this;
    }

    public Builder blueGreen(BlueGreenStatus blueGreen) {
      this.blueGreen = blueGreen;
      return this;
    }

    public Builder restartedAt(OffsetDateTime restartedAt) {
      this.restartedAt = restartedAt;
      return this;
    }

    public Builder collisionCount(Integer collisionCount) {
      this.collisionCount = collisionCount;
      return this;
    }

    public RolloutStatus build() {
      return new RolloutStatus(
          Optional.ofNullable(phase), Optional.ofNullable(message), Optional.ofNullable(observedGeneration),
          Optional.ofNullable(currentStepIndex), Optional.ofNullable(currentStepHash),
          Optional.ofNullable(currentPodHash), Optional.ofNullable(stableRS), replicas, updatedReplicas,
          readyReplicas, availableReplicas, Optional.ofNullable(selector), pauseConditions, controllerPause,
          abort, Optional.ofNullable(abortedAt), promoteFull, conditions, canary, blueGreen,
          Optional.ofNullable(restartedAt), Optional.ofNullable(collisionCount));
    }
  }
}
