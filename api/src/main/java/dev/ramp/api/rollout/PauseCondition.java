package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import java.time.OffsetDateTime;

/** A reason the controller paused the rollout and when that began; promotion clears it. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record PauseCondition(PauseReason reason, OffsetDateTime startTime) {}
