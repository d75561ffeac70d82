package dev.ramp.cli.core;

import static dev.ramp.cli.core.Snapshots.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.cli.core.Decision.AlreadyDone;
import dev.ramp.cli.core.Decision.Refused;
import dev.ramp.cli.core.Decision.Write;
import org.junit.jupiter.api.Test;

class SetImageDecisionTest {

  @Test
  void theNamedContainersImageChangesAndItsOtherFieldsStay() {
    Write write = (Write) SetImageDecision.decide(Snapshots.canary(HEALTHY), "proxy", "envoy:1.1");

    assertThat(write.specPatch().orElseThrow().toString()).isEqualTo(
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"web:3.0\"},"
            + "{\"name\":\"proxy\",\"image\":\"envoy:1.1\",\"ports\":[{\"containerPort\":9901}]}]}}}}");
    assertThat(write.acknowledgement()).isEqualTo(new Acknowledgement.SpecObserved());
  }

  @Test
  void anUnknownContainerIsRefusedWithTheContainersThereAre() {
    assertThat(SetImageDecision.decide(Snapshots.canary(HEALTHY), "api", "api:2"))
        .isEqualTo(new Refused("rollout web has no container \"api\"; its containers: web, proxy"));
  }

  @Test
  void theSameImageAgainChangesNothing() {
    assertThat(SetImageDecision.decide(Snapshots.canary(HEALTHY), "web", "web:3.0"))
        .isEqualTo(new AlreadyDone("container web of rollout web already runs web:3.0"));
  }

  @Test
  void aStarSetsEveryContainer() {
    Write write = (Write) SetImageDecision.decide(Snapshots.canary(HEALTHY), "*", "all:1");

    assertThat(write.specPatch().orElseThrow().toString()).contains("{\"name\":\"web\",\"image\":\"all:1\"}")
        .contains("{\"name\":\"proxy\",\"image\":\"all:1\"");
  }
}
