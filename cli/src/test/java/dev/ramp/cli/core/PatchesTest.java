package dev.ramp.cli.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PatchesTest {
  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void aDiffRemovesWhatIsGoneReplacesWhatChangedAndLeavesTheRest() {
    JsonObject from = json("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":[1,2],\"gone\":true}");
    JsonObject to = json("{\"a\":1,\"b\":{\"c\":2,\"d\":4},\"e\":[1]}");

    assertThat(Patches.diff(from, to).toString()).isEqualTo("{\"gone\":null,\"b\":{\"d\":4},\"e\":[1]}");
  }

  @Test
  void equalObjectsDiffToNothing() {
    assertThat(Patches.diff(json("{\"a\":{\"b\":[1]}}"), json("{\"a\":{\"b\":[1]}}")).size()).isZero();
  }
}
