package dev.ramp.cli.core;

import static dev.ramp.cli.core.Snapshots.ABORTED;
import static dev.ramp.cli.core.Snapshots.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
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
    assertThat(UndoDecision.report(onThree, Snapshots.withStatus(onThree, HEALTHY), OptionalLong.empty()))
        .isEqualTo("rolled rollout web back to revision 2 (web=web:2.0, proxy=envoy:1.0)");
    assertThat(UndoDecision.report(onThree, onThree.rollout(), OptionalLong.empty())).isEqualTo("rolled rollout web"
        + " back to revision 2 (web=web:2.0, proxy=envoy:1.0); the controller rolls its template out as a new revision");
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
