package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Label and field selectors over LIST (L1–L9) and the extra field labels of Pods and Events. */
class SelectorTest {
  static Sandbox sandbox;
  static Http http;
  static final String RO = "/apis/spike.example.com/v1/namespaces/sel/rollouts";

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    sandbox.apply(Path.of("src/test/resources/crds/rollout.yaml"));
    http = new Http(sandbox);
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"sel\"}}");
    rollout("sel-a", "\"app\":\"web\",\"rollouts-pod-template-hash\":\"a\"");
    rollout("sel-b", "\"app\":\"web\",\"rollouts-pod-template-hash\":\"b\"");
    rollout("sel-c", "\"app\":\"web\",\"rollouts-pod-template-hash\":\"c\"");
    rollout("sel-d", "\"app\":\"api\",\"rollouts-pod-template-hash\":\"a\"");
    rollout("sel-e", "\"app\":\"web\"");
  }

  static void rollout(String name, String labels) {
    http.post(RO, "{\"apiVersion\":\"spike.example.com/v1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"" + name
        + "\",\"labels\":{" + labels + "}},\"spec\":{\"image\":\"app:1\",\"strategy\":\"canary\"}}");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Http.Response list(String query) {
    return http.get(RO + "?" + query);
  }

  static List<String> names(String parameter, String selector) {
    JsonNode items = list(parameter + "=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)).at("/items");
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.at("/metadata/name").asText()));
    return names;
  }

  @Test
  void labelSelectorsMatchAsTheRealServer() {
    assertThat(names("labelSelector", "app=web,rollouts-pod-template-hash in (a,b)")).containsExactly("sel-a", "sel-b");
    assertThat(names("labelSelector", "app=web,rollouts-pod-template-hash notin (a,b)")).containsExactly("sel-c", "sel-e");
    assertThat(names("labelSelector", "app=web,!rollouts-pod-template-hash")).containsExactly("sel-e");
    assertThat(names("labelSelector", "app!=web,rollouts-pod-template-hash")).containsExactly("sel-d");
    assertThat(names("labelSelector", "rollouts-pod-template-hash in (a)")).containsExactly("sel-a", "sel-d");
  }

  @Test
  void fieldSelectorsMatchNameAndNamespace() {
    assertThat(names("fieldSelector", "metadata.name=sel-a")).containsExactly("sel-a");
    JsonNode items = list("labelSelector=app%3Dweb&fieldSelector=metadata.name!%3Dsel-a").at("/items");
    assertThat(items.size()).isEqualTo(3);
  }

  @Test
  void unsupportedFieldLabelsAndMalformedSelectorsAreBadRequests() {
    var unsupported = list("fieldSelector=spec.strategy%3Dcanary");
    assertThat(unsupported.code()).isEqualTo(400);
    assertThat(unsupported.reason()).isEqualTo("BadRequest");
    assertThat(unsupported.message()).isEqualTo("field label not supported: spec.strategy");
    assertThat(list("fieldSelector=spec.image%3Dapp:1").message()).isEqualTo("field label not supported: spec.image");
    var malformed = list("labelSelector=app%20in%20web");
    assertThat(malformed.code()).isEqualTo(400);
    assertThat(malformed.message()).isEqualTo("unable to parse requirement: found 'web' expected: '('");
  }

  @Test
  void eventsAndPodsSupportTheirExtraFieldLabels() throws Exception {
    http.post("/api/v1/namespaces/sel/events", "{\"metadata\":{\"name\":\"ev-core\"},\"involvedObject\":{\"kind\":\"Pod\","
        + "\"name\":\"ev-owner\",\"namespace\":\"sel\"},\"reason\":\"Test\",\"message\":\"m\",\"type\":\"Normal\"}");
    http.post("/api/v1/namespaces/sel/events", "{\"metadata\":{\"name\":\"ev-other\"},\"involvedObject\":{\"kind\":\"Pod\","
        + "\"name\":\"someone\",\"namespace\":\"sel\"},\"reason\":\"Test\",\"message\":\"m\",\"type\":\"Normal\"}");
    JsonNode events = http.get("/api/v1/namespaces/sel/events?fieldSelector=involvedObject.name%3Dev-owner").at("/items");
    assertThat(events.size()).isEqualTo(1);
    assertThat(events.get(0).at("/metadata/name").asText()).isEqualTo("ev-core");

    sandbox.kubelet().pause(true);
    try {
      http.post("/api/v1/namespaces/sel/pods", "{\"metadata\":{\"name\":\"pending\"},\"spec\":{\"containers\":"
          + "[{\"name\":\"c\",\"image\":\"x:1\"}]}}");
      JsonNode pending = http.get("/api/v1/namespaces/sel/pods?fieldSelector=status.phase%3DPending").at("/items");
      assertThat(pending.size()).isEqualTo(1);
      assertThat(http.get("/api/v1/namespaces/sel/pods?fieldSelector=spec.nodeName%3Dsandbox-node").at("/items").size())
          .isZero();
    } finally {
      sandbox.kubelet().pause(false);
    }
    Conditions.await("the pod runs on the sandbox's node", () ->
        http.get("/api/v1/namespaces/sel/pods?fieldSelector=spec.nodeName%3Dsandbox-node,status.phase%3DRunning")
            .at("/items").size() == 1);
  }
}
