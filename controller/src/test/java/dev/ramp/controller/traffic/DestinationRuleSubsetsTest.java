package dev.ramp.controller.traffic;

import static dev.ramp.controller.traffic.VirtualServiceRoutesTest.json;
import static dev.ramp.controller.traffic.VirtualServiceRoutesTest.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationRuleSubsetsTest {

  private static JsonObject rule() {
    return json("""
        {"metadata":{"name":"demo","namespace":"default","resourceVersion":"12"},
         "spec":{"host":"demo","subsets":[
           {"name":"canary","labels":{"app":"demo"}},
           {"name":"stable","labels":{"app":"demo","rollouts-pod-template-hash":"aaa"}},
           {"name":"bare"}]}}""");
  }

  @Test
  void reportsTheHashEachSubsetPins() {
    assertThat(DestinationRuleSubsets.pinnedHash(rule(), "stable")).contains("aaa");
    assertThat(DestinationRuleSubsets.pinnedHash(rule(), "canary")).isEmpty();
  }

  @Test
  void aSubsetTheRuleDoesNotHaveIsAProblemThatNamesIt() {
    assertThat(DestinationRuleSubsets.missing(rule(), "DestinationRule default/demo", List.of("canary", "preview")))
        .containsExactly("subset 'preview' not found in DestinationRule default/demo");
  }

  @Test
  void pinningAddsTheHashLabelAndLeavesPinnedSubsetsAlone() {
    Map<String, String> pins = new LinkedHashMap<>();
    pins.put("canary", "bbb");
    pins.put("stable", "aaa");
    pins.put("bare", "ccc");

    assertThat(DestinationRuleSubsets.pinPatch(rule(), pins).orElseThrow().operations()).isEqualTo(jsonArray("""
        [{"op":"test","path":"/metadata/resourceVersion","value":"12"},
         {"op":"add","path":"/spec/subsets/0/labels/rollouts-pod-template-hash","value":"bbb"},
         {"op":"add","path":"/spec/subsets/2/labels","value":{"rollouts-pod-template-hash":"ccc"}}]"""));
    assertThat(DestinationRuleSubsets.pinPatch(rule(), Map.of("stable", "aaa"))).isEmpty();
  }
}
