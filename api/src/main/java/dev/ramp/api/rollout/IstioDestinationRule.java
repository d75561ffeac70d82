package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/** For a subset-level split: the DestinationRule whose two subsets Ramp points at canary and stable. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record IstioDestinationRule(String name, String canarySubsetName, String stableSubsetName) {}
