package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;

/** HTTP basic authentication, the password read from a Secret key. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record BasicAuthentication(String username, V1SecretKeySelector passwordSecretKeyRef) {}
