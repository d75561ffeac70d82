package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;

/** {@code Authorization: Bearer <token>}, the token read from a Secret key. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record BearerAuthentication(V1SecretKeySelector tokenSecretKeyRef) {}
