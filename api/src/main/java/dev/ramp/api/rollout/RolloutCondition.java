package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A condition of a Rollout, as a Deployment has them. The type is open ({@code Progressing},
 * {@code Available}, {@code Paused}, {@code Healthy}, {@code Completed}, {@code InvalidSpec},
 * {@code ReplicaFailure}: see the constants).
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RolloutCondition(
    String type,
    ConditionStatus status,
    Optional<String> reason,
    Optional<String> message,
    Optional<OffsetDateTime> lastUpdateTime,
    Optional<OffsetDateTime> lastTransitionTime) {

  public static final String PROGRESSING = "Progressing";
  public static final String AVAILABLE = "Available";
  public static final String PAUSED = "Paused";
  public static final String HEALTHY = "Healthy";
  public static final String COMPLETED = "Completed";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String REPLICA_FAILURE = "ReplicaFailure";

  public RolloutCondition {
    status = status == null ? ConditionStatus.UNKNOWN : status;
    reason = Copies.optional(reason);
    message = Copies.optional(message);
    lastUpdateTime = Copies.optional(lastUpdateTime);
    lastTransitionTime = Copies.optional(lastTransitionTime);
  }

  public static RolloutCondition of(String type, ConditionStatus status, String reason, String message,
      OffsetDateTime now) {
    return new RolloutCondition(type, status, Optional.ofNullable(reason), Optional.ofNullable(message),
        Optional.of(now), Optional.of(now));
  }

  public boolean isTrue() {
    return status == ConditionStatus.TRUE;
  }
}
