package dev.ramp.controller.traffic;

import static dev.ramp.controller.traffic.VirtualServiceRoutesTest.jsonArray;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSelectorsTest {

  private static V1Service service(Map<String, String> selector) {
    return new V1Service()
        .metadata(new V1ObjectMeta().name("demo-canary").namespace("default").resourceVersion("5"))
        .spec(new V1ServiceSpec().selector(selector));
  }

  @Test
  void aServiceWhoseSelectorThePodsDoNotCarryCanNeverMatch() {
    assertThat(ServiceSelectors.neverMatches(service(Map.of("app", "other")), "default/demo", Map.of("app", "demo")))
        .contains("Service default/demo-canary selects app=other, which the pods of Rollout default/demo never "
            + "carry (their labels: app=demo)");
  }

  @Test
  void theHashLabelDoesNotCountAgainstAMatch() {
    assertThat(ServiceSelectors.neverMatches(service(Map.of("app", "demo", "rollouts-pod-template-hash", "x")),
        "default/demo", Map.of("app", "demo", "tier", "web"))).isEmpty();
  }

  @Test
  void pinningAddsTheHashToTheSelectorWithTheResourceVersionTested() {
    assertThat(ServiceSelectors.pinPatch(service(Map.of("app", "demo")), "abc").orElseThrow().operations())
        .isEqualTo(jsonArray("""
            [{"op":"test","path":"/metadata/resourceVersion","value":"5"},
             {"op":"add","path":"/spec/selector/rollouts-pod-template-hash","value":"abc"}]"""));
    assertThat(ServiceSelectors.pinPatch(service(Map.of("app", "demo", "rollouts-pod-template-hash", "abc")), "abc"))
        .isEmpty();
  }
}
