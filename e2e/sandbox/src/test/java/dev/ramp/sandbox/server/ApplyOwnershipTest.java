package dev.ramp.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.sandbox.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Apply conflicts are reported per manager in sorted order, as structured-merge-diff prints them (P3). */
class ApplyOwnershipTest {
  static JsonNode data(String value) {
    try {
      return Json.MAPPER.readTree("{\"data\":{\"k\":\"" + value + "\"}}");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void conflictingManagersAreListedInSortedOrder() {
    ApplyOwnership ownership = new ApplyOwnership();
    for (String manager : List.of("zeta", "mid", "alpha", "kube-ctl", "beta")) {
      ownership.record("uid-1", manager, data("old"), false, Map.of());
    }
    Map<String, List<String>> conflicts = ownership.conflicts("uid-1", "me", data("old"), data("new"));
    assertThat(conflicts.keySet()).containsExactly("alpha", "beta", "kube-ctl", "mid", "zeta");
    assertThat(ApplyOwnership.conflictMessage(conflicts)).startsWith(
        "Apply failed with 5 conflicts: conflicts with \"alpha\":\n- .data.k\nconflicts with \"beta\":");
  }
}
