package dev.ramp.cli.core;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.kube.RolloutClient;
import io.kubernetes.client.openapi.JSON;
import java.util.ArrayList;
import java.util.List;

/**
 * Rollouts as the server would send them, for the decisions' and the renderer's tests: a canary
 * {@code web} of six steps, or a blue-green one, with the status given as JSON, and the ReplicaSets
 * of revisions 1 ({@code hash1}, web:1.0), 2 ({@code hash2}, web:2.0) and 3 ({@code hash3}, web:3.0).
 */
public final class Snapshots {
  private Snapshots() {}

  public static final String CANARY_SPEC = """
      {"replicas":4,"selector":{"matchLabels":{"app":"web"}},
       "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:3.0"},
         {"name":"proxy","image":"envoy:1.0","ports":[{"containerPort":9901}]}]}},
       "strategy":{"canary":{"steps":[{"setWeight":20},{"pause":{}},
         {"analysis":{"templates":[{"templateName":"success-rate"}]}},{"setWeight":50},{"pause":{"duration":"1m"}},
         {"setWeight":80}]}}}""";

  public static final String BLUE_GREEN_SPEC = """
      {"replicas":2,"selector":{"matchLabels":{"app":"web"}},
       "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:3.0"}]}},
       "strategy":{"blueGreen":{"activeService":"web-active","previewService":"web-preview","autoPromotionEnabled":false}}}""";

  /** Paused at step 2 (pause until promoted) with revision 3 at 20%, stable revision 2. */
  public static final String PAUSED_AT_STEP_2 = """
      {"phase":"Paused","observedGeneration":4,"currentStepIndex":1,"currentPodHash":"hash3","stableRS":"hash2",
       "controllerPause":true,"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-03-01T10:00:00Z"}],
       "replicas":5,"updatedReplicas":1,"readyReplicas":5,"availableReplicas":5,
       "canary":{"weights":{"canary":{"weight":20,"podTemplateHash":"hash3"},"stable":{"weight":80,"podTemplateHash":"hash2"}}}}""";

  /** Running the analysis of step 3. */
  public static final String ANALYSING_AT_STEP_3 = """
      {"phase":"Progressing","observedGeneration":4,"currentStepIndex":2,"currentPodHash":"hash3","stableRS":"hash2",
       "replicas":5,"updatedReplicas":1,"readyReplicas":5,"availableReplicas":5,
       "canary":{"weights":{"canary":{"weight":20,"podTemplateHash":"hash3"},"stable":{"weight":80,"podTemplateHash":"hash2"}},
         "currentStepAnalysisRunStatus":{"name":"web-hash3-step-2","status":"Running"}}}""";

  /** Revision 2 everywhere, all steps done. */
  public static final String HEALTHY = """
      {"phase":"Healthy","observedGeneration":4,"currentStepIndex":6,"currentPodHash":"hash2","stableRS":"hash2",
       "replicas":4,"updatedReplicas":4,"readyReplicas":4,"availableReplicas":4,
       "canary":{"weights":{"canary":{"weight":0,"podTemplateHash":"hash2"},"stable":{"weight":100,"podTemplateHash":"hash2"}}}}""";

  /** Revision 3 aborted at step 4, traffic back on revision 2. */
  public static final String ABORTED = """
      {"phase":"Degraded","message":"aborted: metric success-rate failed (0.62 < 0.95)","observedGeneration":4,
       "currentStepIndex":0,"currentPodHash":"hash3","stableRS":"hash2","abort":true,"abortedAt":"2026-03-01T10:05:00Z",
       "replicas":4,"updatedReplicas":0,"readyReplicas":4,"availableReplicas":4,
       "canary":{"weights":{"canary":{"weight":0,"podTemplateHash":"hash3"},"stable":{"weight":100,"podTemplateHash":"hash2"}}}}""";

  public static RolloutSnapshot canary(String statusJson) {
    return snapshot(CANARY_SPEC, statusJson, 4);
  }

  public static RolloutSnapshot blueGreen(String statusJson) {
    return snapshot(BLUE_GREEN_SPEC, statusJson, 4);
  }

  /** A rollout {@code web} in namespace {@code shop} with this spec, status and metadata.generation. */
  public static RolloutSnapshot snapshot(String specJson, String statusJson, long generation) {
    JsonObject raw = JsonParser.parseString("""
        {"apiVersion":"ramp.dev/v1alpha1","kind":"Rollout",
         "metadata":{"name":"web","namespace":"shop","uid":"u-web","resourceVersion":"41","generation":%d,
           "creationTimestamp":"2026-03-01T09:00:00Z"},
         "spec":%s,"status":%s}""".formatted(generation, specJson, statusJson)).getAsJsonObject();
    return new RolloutSnapshot(rollout(raw), raw, replicaSets());
  }

  public static Rollout rollout(JsonObject raw) {
    return JSON.getGson().fromJson(raw, Rollout.class);
  }

  /** The snapshot's rollout with another status, as the controller would have written it. */
  public static Rollout withStatus(RolloutSnapshot snapshot, String statusJson) {
    JsonObject raw = snapshot.raw().deepCopy();
    raw.add("status", JsonParser.parseString(statusJson));
    return rollout(raw);
  }

  public static List<ReplicaSetInfo> replicaSets() {
    List<ReplicaSetInfo> sets = new ArrayList<>();
    sets.add(replicaSet("hash1", 1, 0, 0, "web:1.0", "2026-02-01T09:00:00Z"));
    sets.add(replicaSet("hash2", 2, 4, 4, "web:2.0", "2026-02-20T09:00:00Z"));
    sets.add(replicaSet("hash3", 3, 1, 1, "web:3.0", "2026-03-01T09:58:00Z"));
    return sets;
  }

  public static ReplicaSetInfo replicaSet(String hash, long revision, int replicas, int ready, String image,
      String created) {
    return RolloutClient.replicaSet(JsonParser.parseString("""
        {"metadata":{"name":"web-%1$s","labels":{"app":"web","rollouts-pod-template-hash":"%1$s"},
           "annotations":{"ramp.dev/revision":"%2$d"},"creationTimestamp":"%6$s"},
         "spec":{"replicas":%3$d,"template":{"metadata":{"labels":{"app":"web","rollouts-pod-template-hash":"%1$s"}},
           "spec":{"containers":[{"name":"web","image":"%5$s"},{"name":"proxy","image":"envoy:1.0","ports":[{"containerPort":9901}]}]}}},
         "status":{"replicas":%3$d,"readyReplicas":%4$d,"availableReplicas":%4$d}}"""
        .formatted(hash, revision, replicas, ready, image, created)).getAsJsonObject());
  }
}
