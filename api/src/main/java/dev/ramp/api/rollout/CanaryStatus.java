package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.OmittedWhenEmpty;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** State of a canary update: the weights last set and the AnalysisRuns under way. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record CanaryStatus(
    Optional<TrafficWeights> weights,
    Optional<RolloutAnalysisRunStatus> currentStepAnalysisRunStatus,
    Optional<RolloutAnalysisRunStatus> currentBackgroundAnalysisRunStatus) implements OmittedWhenEmpty {

  public static final CanaryStatus EMPTY = new CanaryStatus(null, null, null);

  public CanaryStatus {
    weights = Copies.optional(weights);
    currentStepAnalysisRunStatus = Copies.optional(currentStepAnalysisRunStatus);
    currentBackgroundAnalysisRunStatus = Copies.optional(currentBackgroundAnalysisRunStatus);
  }

  @Override
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  public CanaryStatus withWeights(TrafficWeights newWeights) {
    return new CanaryStatus(Optional.ofNullable(newWeights), currentStepAnalysisRunStatus,
        currentBackgroundAnalysisRunStatus);
  }

  public CanaryStatus withCurrentStepAnalysisRunStatus(RolloutAnalysisRunStatus run) {
    return new CanaryStatus(weights, Optional.ofNullable(run), currentBackgroundAnalysisRunStatus);
  }

  public CanaryStatus withCurrentBackgroundAnalysisRunStatus(RolloutAnalysisRunStatus run) {
    return new CanaryStatus(weights, currentStepAnalysisRunStatus, Optional.ofNullable(run));
  }
}
