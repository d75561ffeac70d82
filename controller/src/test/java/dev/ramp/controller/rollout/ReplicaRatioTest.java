package dev.ramp.controller.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.rollout.ReplicaRatio.Member;
import dev.ramp.controller.rollout.ReplicaRatio.Targets;
import io.kubernetes.client.custom.IntOrString;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaRatioTest {

  private static Member member(String name, int desired, int available, int target) {
    return Member.of(new ObservedReplicaSet(name, name, 1, desired, desired, available, available, true,
        Optional.empty(), Instant.EPOCH), target);
  }

  private static List<Integer> sizes(List<Member> members) {
    return members.stream().map(Member::desired).toList();
  }

  @Test
  void theWeightIsTheShareOfPodsRoundedUpOnBothSides() {
    assertThat(ReplicaRatio.targets(10, 20)).isEqualTo(new Targets(2, 8));
    assertThat(ReplicaRatio.targets(10, 25)).isEqualTo(new Targets(3, 8));
    assertThat(ReplicaRatio.targets(1, 20)).as("a canary gets at least one pod, stable keeps one")
        .isEqualTo(new Targets(1, 1));
    assertThat(ReplicaRatio.targets(4, 0)).isEqualTo(new Targets(0, 4));
    assertThat(ReplicaRatio.targets(4, 100)).isEqualTo(new Targets(4, 0));
  }

  @Test
  void oneMoveRemovesOnlyWhatAvailabilityAllowsAndAddsWithinTheSurge() {
    List<Member> moved = ReplicaRatio.step(10, new IntOrString("25%"), new IntOrString("25%"),
        List.of(member("canary", 0, 0, 10), member("stable", 10, 10, 0)));
    // maxUnavailable floor(2.5)=2: stable 10 -> 8; maxSurge ceil(2.5)=3: canary up to 13-8=5
    assertThat(sizes(moved)).containsExactly(5, 8);
  }

  @Test
  void podsThatAreNotAvailableAreRemovedFirstAndFreely() {
    List<Member> moved = ReplicaRatio.step(10, new IntOrString(0), new IntOrString(0),
        List.of(member("canary", 2, 0, 0), member("stable", 8, 8, 10)));
    assertThat(sizes(moved)).as("the unavailable canary goes at once, stable refills within the surge")
        .containsExactly(0, 10);
  }

  @Test
  void withNoSurgeAndNoUnavailabilityOnePodMayStillBeUnavailableSoThatSomethingMoves() {
    List<Member> moved = ReplicaRatio.step(4, new IntOrString(0), new IntOrString(0),
        List.of(member("canary", 0, 0, 2), member("stable", 4, 4, 2)));
    assertThat(sizes(moved)).containsExactly(1, 3);
  }

  @Test
  void oldRevisionsAtTheEndOfTheListGoFirst() {
    List<Member> moved = ReplicaRatio.step(10, new IntOrString(0), new IntOrString(2),
        List.of(member("canary", 0, 0, 3), member("stable", 7, 7, 7), member("old", 3, 3, 0)));
    assertThat(sizes(moved)).containsExactly(2, 7, 1);
  }

  @Test
  void reachedOnlyWhenEveryMemberIsAtItsTargetWithItsPodsAvailable() {
    assertThat(ReplicaRatio.reached(List.of(member("canary", 2, 2, 2), member("stable", 8, 8, 8)))).isTrue();
    assertThat(ReplicaRatio.reached(List.of(member("canary", 2, 1, 2), member("stable", 8, 8, 8)))).isFalse();
    assertThat(ReplicaRatio.reached(List.of(member("canary", 2, 2, 2), member("stable", 9, 9, 8)))).isFalse();
    assertThat(ReplicaRatio.reached(List.of(Member.missing("canary", 0), member("stable", 4, 4, 4)))).isTrue();
  }
}
