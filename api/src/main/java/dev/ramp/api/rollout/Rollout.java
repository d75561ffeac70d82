package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampObject;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * A Rollout: runs an application like a Deployment does and moves each new revision in by canary
 * or blue-green steps. All rollout state lives in {@link #status()}, so a restarted controller
 * resumes exactly where it was; a Rollout the controller has not seen yet has {@link
 * RolloutStatus#EMPTY}. Updates are immutable: {@code rollout.withStatus(...)}.
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record Rollout(String apiVersion, String kind, V1ObjectMeta metadata, RolloutSpec spec, RolloutStatus status)
    implements RampObject {

  public Rollout {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? RampApi.ROLLOUT : kind;
    metadata = metadata == null ? new V1ObjectMeta() : metadata;
    status = status == null ? RolloutStatus.EMPTY : status;
  }

  public Rollout(V1ObjectMeta metadata, RolloutSpec spec) {
    this(null, null, metadata, spec, null);
  }

  public Rollout withStatus(RolloutStatus newStatus) {
    return new Rollout(apiVersion, kind, metadata, spec, newStatus);
  }

  public Rollout withSpec(RolloutSpec newSpec) {
    return new Rollout(apiVersion, kind, metadata, newSpec, status);
  }

  public Rollout withMetadata(V1ObjectMeta newMetadata) {
    return new Rollout(apiVersion, kind, newMetadata, spec, status);
  }
}
