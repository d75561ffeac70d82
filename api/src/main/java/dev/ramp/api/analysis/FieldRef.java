package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/** A field of the Rollout that an argument takes its value from, e.g. {@code metadata.name}. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record FieldRef(String fieldPath) {}
