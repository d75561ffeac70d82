package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** An AnalysisRun the rollout waits on or watches: its name, phase and message. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RolloutAnalysisRunStatus(String name, AnalysisPhase status, Optional<String> message) {

  public RolloutAnalysisRunStatus {
    status = status == null ? AnalysisPhase.PENDING : status;
    message = Copies.optional(message);
  }

  public static RolloutAnalysisRunStatus of(String name, AnalysisPhase status, String message) {
    return new RolloutAnalysisRunStatus(name, status, Optional.ofNullable(message));
  }
}
