package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/** An HTTP header sent with each query. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record HttpHeader(String key, String value) {}
