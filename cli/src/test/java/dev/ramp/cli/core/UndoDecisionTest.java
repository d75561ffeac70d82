package dev.ramp.cli.core;

import static dev.ramp.api.RampMetadataKeys.POD_TEMPLATE_HASH;
import static dev.ramp.cli.core.Snapshots.ABORTED;
import static dev.ramp.cli.core.Snapshots.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ramp.api.revision.PodTemplateHash;
import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import dev.ramp.cli.kube.RolloutClient;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UndoDecisionTest {

  @Test
  void undoGoesBackToThePreviousRevisionsTemplate() {
    RolloutSnapshot onThree = Snapshots.canary(ABORTED);

    Write write = (Write) UndoDecision.decide(onThree, OptionalLong.empty());

    // Only the image differs between revision 3's template and revision 2's; the hash label is not copied.
    assertThat(write.specPatch().orElseThrow().toString()).isEqualTo(
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"web:2.0\"},"
            + "{\"name\":\"proxy\",\"image\":\"envoy:1.0\",\"ports\":[{\"containerPort\":9901}]}]}}}}");
  }

  @Test
  void aTemplateThatHashesBackToItsRevisionIsThatRevisionAgain() {
    // Revision 2 as its Rollout had it; the stored ReplicaSet carries the server's defaults as well.
    RolloutSnapshot onThree = withRevision2(REVISION_2_TEMPLATE);

    Write write = (Write) UndoDecision.decide(onThree, OptionalLong.empty());

    assertThat(write.specPatch().orElseThrow().toString()).doesNotContain("restartPolicy", "imagePullPolicy",
        "terminationMessagePath", POD_TEMPLATE_HASH);
    assertThat(UndoDecision.newRevision(onThree, OptionalLong.empty())).isEmpty();
    assertThat(UndoDecision.report(onThree, OptionalLong.empty()))
        .isEqualTo("rolled rollout web back to revision 2 (web=web:2.0, proxy=envoy:1.0)");
  }

  @Test
  void aDefaultWrittenOutInTheOriginalIsSaidToMakeANewRevision() {
    // The person had written imagePullPolicy out: the stored template cannot tell it from a server default.
    String spelledOut = REVISION_2_TEMPLATE.replace("\"image\":\"web:2.0\"",
        "\"image\":\"web:2.0\",\"imagePullPolicy\":\"IfNotPresent\"");
    RolloutSnapshot onThree = withRevision2(spelledOut);
    String revision2 = hash(spelledOut);

    Write write = (Write) UndoDecision.decide(onThree, OptionalLong.empty());

    assertThat(write.specPatch().orElseThrow().toString()).contains("\"image\":\"web:2.0\"")
        .doesNotContain("imagePullPolicy");
    String putBack = hash(REVISION_2_TEMPLATE);
    String note = "its template does not hash back to revision 2 (" + revision2 + ", put back: " + putBack
        + "), most likely because it spelled out a default the API server fills in; the controller rolls it out"
        + " as a new revision with the same pods";
    assertThat(UndoDecision.newRevision(onThree, OptionalLong.empty())).contains(note);
    assertThat(UndoDecision.report(onThree, OptionalLong.empty()))
        .isEqualTo("rolled rollout web back to revision 2 (web=web:2.0, proxy=envoy:1.0); " + note);
  }

  @Test
  void theHashIsTakenWithTheRolloutsCollisionCount() {
    RolloutSnapshot plain = withRevision2(REVISION_2_TEMPLATE);
    JsonObject raw = plain.raw().deepCopy();
    raw.getAsJsonObject("status").addProperty("collisionCount", 1);
    RolloutSnapshot afterACollision = new RolloutSnapshot(Snapshots.rollout(raw), raw, plain.replicaSets());

    // Revision 2 was named before the collision: its template now names another ReplicaSet.
    assertThat(UndoDecision.newRevision(afterACollision, OptionalLong.empty())).isPresent();
  }

  /** Revision 2's template as the Rollout had it (the fixtures' ReplicaSet of revision 2, without the hash label). */
  private static final String REVISION_2_TEMPLATE = """
      {"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:2.0"},
        {"name":"proxy","image":"envoy:1.0","ports":[{"containerPort":9901}]}]}}""";

  private static String hash(String template) {
    return PodTemplateHash.of(JSON.getGson().fromJson(template, V1PodTemplateSpec.class), 0);
  }

  /**
   * The aborted canary on revision 3, its revision 2 created by the controller from this template:
   * named by its hash, and stored with the hash label and the defaults the API server fills in.
   */
  private static RolloutSnapshot withRevision2(String rolloutTemplate) {
    String hash = hash(rolloutTemplate);
    JsonObject stored = JsonParser.parseString(rolloutTemplate).getAsJsonObject();
    stored.getAsJsonObject("metadata").getAsJsonObject("labels").addProperty(POD_TEMPLATE_HASH, hash);
    JsonObject spec = stored.getAsJsonObject("spec");
    spec.addProperty("restartPolicy", "Always");
    spec.addProperty("dnsPolicy", "ClusterFirst");
    for (JsonElement c : spec.getAsJsonArray("containers")) {
      c.getAsJsonObject().addProperty("imagePullPolicy", "IfNotPresent");
      c.getAsJsonObject().addProperty("terminationMessagePath", "/dev/termination-log");
    }
    JsonObject item = JsonParser.parseString("""
        {"metadata":{"name":"web-%s","labels":{"app":"web"},"annotations":{"ramp.dev/revision":"2"}},
         "spec":{"replicas":4},"status":{"replicas":4,"readyReplicas":4,"availableReplicas":4}}""".formatted(hash))
        .getAsJsonObject();
    item.getAsJsonObject("metadata").getAsJsonObject("labels").addProperty(POD_TEMPLATE_HASH, hash);
    item.getAsJsonObject("spec").add("template", stored);
    RolloutSnapshot aborted = Snapshots.canary(ABORTED);
    List<ReplicaSetInfo> sets = aborted.replicaSets().stream()
        .map(rs -> rs.revision().getAsLong() == 2 ? RolloutClient.replicaSet(item) : rs).toList();
    return new RolloutSnapshot(aborted.rollout(), aborted.raw(), sets);
  }

  @Test
  void undoToARevisionByNumber() {
    Write write = (Write) UndoDecision.decide(Snapshots.canary(ABORTED), OptionalLong.of(1));

    assertThat(write.specPatch().orElseThrow().toString()).contains("\"image\":\"web:1.0\"");
  }

  @Test
  void aRevisionThatDoesNotExistIsNamedWithTheOnesThatDo() {
    assertThat(UndoDecision.decide(Snapshots.canary(ABORTED), OptionalLong.of(7)))
        .isEqualTo(new Refused("rollout web has no revision 7 (revisions: 3, 2, 1)"));
  }

  @Test
  void theFirstRevisionHasNothingBeforeIt() {
    RolloutSnapshot onOne = Snapshots.canary(HEALTHY.replace("hash2", "hash1"));

    assertThat(UndoDecision.decide(onOne, OptionalLong.empty()))
        .isEqualTo(new Refused("rollout web has no earlier revision to go back to (it is on revision 1)"));
  }

  @Test
  void undoToTheTemplateItAlreadyHasChangesNothing() {
    RolloutSnapshot onThree = Snapshots.canary(ABORTED);

    assertThat(UndoDecision.decide(onThree, OptionalLong.of(3))).isInstanceOf(AlreadyDone.class);
  }

  @Test
  void aRolloutWithAWorkloadRefIsUndoneThroughItsDeployment() {
    RolloutSnapshot ref = Snapshots.snapshot("""
        {"workloadRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web-deploy"},
         "strategy":{"canary":{"steps":[{"setWeight":50}]}}}""", HEALTHY, 4);

    assertThat(((Refused) UndoDecision.decide(ref, OptionalLong.empty())).reason()).contains(
        "kubectl rollout undo deployment/web-deploy");
  }
}
