package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sanity of the intended use: compile once, then prune, default and validate many objects. No
 * timing is asserted; the test shows that nothing is recompiled or leaks state between objects.
 */
class ThroughputTest {

  @Test
  void tenThousandObjectsAgainstOneCompiledSchema() {
    StructuralSchema schema = Json.canary();
    ObjectNode previous = Json.canaryObject("can", "{\"strategy\": \"canary\", \"maxWeight\": 100, \"stepWeight\": 1}");
    List<String> unexpected = new ArrayList<>();
    int invalid = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      int weight = i % 120;
      ObjectNode canary = Json.canaryObject("can-" + i,
          "{\"strategy\": \"canary\", \"stepWeight\": " + weight + ", \"extra\": " + i + "}");

      List<String> pruned = schema.pruneAndDefault(canary);
      List<String> fields = schema.validate(canary, i % 2 == 0 ? null : previous).stream().map(FieldError::field).toList();

      List<String> expected = weight > 100 ? List.of("spec.stepWeight", "spec") : List.of();
      invalid += weight > 100 ? 1 : 0;
      if (!pruned.equals(List.of("spec.extra")) || !fields.equals(expected)) {
        unexpected.add(i + ": pruned " + pruned + ", errors at " + fields);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("parsed, pruned, defaulted and validated 10,000 Canary objects in %d ms%n", millis);

    assertThat(unexpected).isEmpty();
    assertThat(invalid).isEqualTo(10_000 / 120 * 19);
  }
}
