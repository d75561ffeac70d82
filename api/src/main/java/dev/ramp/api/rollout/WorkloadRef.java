package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/** A workload (e.g. a Deployment) whose pod template and selector the Rollout takes. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record WorkloadRef(String apiVersion, String kind, String name, ScaleDown scaleDown) {

  public WorkloadRef {
    // Ramp's default, unlike Argo's (never): a Rollout that takes over a Deployment takes over its pods too.
    scaleDown = scaleDown == null ? ScaleDown.PROGRESSIVELY : scaleDown;
  }

  public static WorkloadRef deployment(String name) {
    return new WorkloadRef("apps/v1", "Deployment", name, ScaleDown.PROGRESSIVELY);
  }
}
