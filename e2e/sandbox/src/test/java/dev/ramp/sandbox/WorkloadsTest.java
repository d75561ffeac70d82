package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ReplicaSets, Deployments, Services and the scale subresource (SC1–SC12), with the kubelet stand-in. */
class WorkloadsTest {
  static Sandbox sandbox;
  static Http http;
  static final String RS = "/apis/apps/v1/namespaces/default/replicasets";
  static final String PODS = "/api/v1/namespaces/default/pods";

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().podReadyDelay(Duration.ofMillis(100)).start();
    sandbox.apply(Path.of("src/test/resources/crds/canary.yaml"));
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static String replicaSet(String name, String hash, int replicas, String selectorHash, String image) {
    return """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"%s"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s","rollouts-pod-template-hash":"%s"}},
           "template":{"metadata":{"labels":{"app":"%s","rollouts-pod-template-hash":"%s"}},
             "spec":{"containers":[{"name":"app","image":"%s"}]}}}}""".formatted(name, replicas, name, selectorHash, name,
        hash, image);
  }

  static int pods(String app, String phase) {
    return http.get(PODS + "?labelSelector=app%3D" + app + (phase.isEmpty() ? "" : "&fieldSelector=status.phase%3D" + phase))
        .at("/items").size();
  }

  @Test
  void replicaSetScalesThroughItsScaleSubresource() throws Exception {
    var created = http.post(RS, replicaSet("web-h1", "h1", 2, "h1", "nginx:1.25"));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.at("/metadata/generation").asLong()).isEqualTo(1);
    Conditions.await("two ready pods", () -> http.get(RS + "/web-h1").at("/status/readyReplicas").asInt() == 2);
    JsonNode status = http.get(RS + "/web-h1").at("/status");
    assertThat(status.at("/replicas").asInt()).isEqualTo(2);
    assertThat(status.at("/observedGeneration").asLong()).isEqualTo(1);

    var scale = http.get(RS + "/web-h1/scale");
    assertThat(scale.at("/kind").asText()).isEqualTo("Scale");
    assertThat(scale.at("/apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(scale.at("/status/selector").asText()).isEqualTo("app=web-h1,rollouts-pod-template-hash=h1");

    var put = http.put(RS + "/web-h1/scale", "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\","
        + "\"metadata\":{\"name\":\"web-h1\",\"namespace\":\"default\"},\"spec\":{\"replicas\":3}}");
    assertThat(put.code()).isEqualTo(200);
    assertThat(put.at("/kind").asText()).isEqualTo("Scale");
    JsonNode rs = http.get(RS + "/web-h1").body();
    assertThat(rs.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(rs.at("/metadata/generation").asLong()).isEqualTo(2);
    Conditions.await("three pods", () -> pods("web-h1", "Running") == 3);

    var merge = http.merge(RS + "/web-h1/scale", "{\"spec\":{\"replicas\":1}}");
    assertThat(merge.code()).isEqualTo(200);
    Conditions.await("one pod left", () -> pods("web-h1", "") == 1);
  }

  @Test
  void selectorMustMatchTemplateAndNeverChange() {
    var mismatch = http.post(RS, replicaSet("bad-sel", "h1", 1, "zz", "nginx:1.25"));
    assertThat(mismatch.code()).isEqualTo(422);
    assertThat(mismatch.message()).isEqualTo("ReplicaSet.apps \"bad-sel\" is invalid: spec.template.metadata.labels: "
        + "Invalid value: map[string]string{\"app\":\"bad-sel\", \"rollouts-pod-template-hash\":\"h1\"}: "
        + "`selector` does not match template `labels`");

    http.post(RS, replicaSet("web-h2", "h1", 0, "h1", "nginx:1.25"));
    var changed = http.merge(RS + "/web-h2", "{\"spec\":{\"selector\":{\"matchLabels\":{\"extra\":\"x\"}}}}");
    assertThat(changed.code()).isEqualTo(422);
    assertThat(changed.message()).isEqualTo("ReplicaSet.apps \"web-h2\" is invalid: [spec.template.metadata.labels: "
        + "Invalid value: map[string]string{\"app\":\"web-h2\", \"rollouts-pod-template-hash\":\"h1\"}: `selector` does "
        + "not match template `labels`, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"
        + "\"app\":\"web-h2\", \"extra\":\"x\", \"rollouts-pod-template-hash\":\"h1\"}, "
        + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable]");
  }

  @Test
  void handWrittenReplicaSetStatusIsOverwrittenButPodStatusCounts() throws Exception {
    sandbox.kubelet().pause(true);
    try {
      http.post(RS, replicaSet("manual", "h1", 2, "h1", "nginx:1.25"));
      Conditions.await("two pending pods", () -> pods("manual", "Pending") == 2);
      var forged = http.merge(RS + "/manual/status", "{\"status\":{\"readyReplicas\":2}}");
      assertThat(forged.code()).isEqualTo(200);
      Conditions.await("the controller overwrote the forged status",
          () -> http.get(RS + "/manual").at("/status/readyReplicas").isMissingNode());
      for (JsonNode pod : http.get(PODS + "?labelSelector=app%3Dmanual").at("/items")) {
        var patched = http.merge(PODS + "/" + pod.at("/metadata/name").asText() + "/status",
            "{\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
        assertThat(patched.code()).isEqualTo(200);
      }
      Conditions.await("pods written ready count", () -> http.get(RS + "/manual").at("/status/availableReplicas").asInt() == 2);
    } finally {
      sandbox.kubelet().pause(false);
    }
  }

  @Test
  void neverReadyImagesRunButStayUnready() throws Exception {
    sandbox.kubelet().neverReady("crash:1");
    http.post(RS, replicaSet("crashy", "h1", 1, "h1", "crash:1"));
    Conditions.await("the pod runs", () -> pods("crashy", "Running") == 1);
    JsonNode pod = http.get(PODS + "?labelSelector=app%3Dcrashy").at("/items/0");
    assertThat(pod.at("/status/conditions/1/type").asText()).isEqualTo("Ready");
    assertThat(pod.at("/status/conditions/1/status").asText()).isEqualTo("False");
    assertThat(http.get(RS + "/crashy").at("/status/readyReplicas").isMissingNode()).isTrue();
  }

  @Test
  void deploymentRunsItsTemplateAsAHashedReplicaSet() throws Exception {
    var created = http.post("/apis/apps/v1/namespaces/default/deployments", """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web-dep"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web-dep"}},
           "template":{"metadata":{"labels":{"app":"web-dep"}},"spec":{"containers":[{"name":"app","image":"nginx:1.25"}]}}}}""");
    assertThat(created.code()).isEqualTo(201);
    Conditions.await("the deployment is available", () ->
        http.get("/apis/apps/v1/namespaces/default/deployments/web-dep").at("/status/availableReplicas").asInt() == 2);
    JsonNode sets = http.get(RS + "?labelSelector=app%3Dweb-dep").at("/items");
    assertThat(sets.size()).isEqualTo(1);
    String hash = sets.get(0).at("/metadata/labels/pod-template-hash").asText();
    assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    assertThat(sets.get(0).at("/metadata/name").asText()).isEqualTo("web-dep-" + hash);

    http.merge("/apis/apps/v1/namespaces/default/deployments/web-dep/scale", "{\"spec\":{\"replicas\":0}}");
    Conditions.await("scaled to zero", () -> pods("web-dep", "") == 0);
  }

  @Test
  void serviceGetsAClusterIpAndKeepsIt() {
    var created = http.post("/api/v1/namespaces/default/services", """
        {"metadata":{"name":"web"},"spec":{"selector":{"app":"web-rs","rollouts-pod-template-hash":"h1"},
         "ports":[{"port":80}]}}""");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.at("/spec/clusterIP").asText()).matches("10\\.96\\.\\d+\\.\\d+");
    assertThat(created.at("/spec/type").asText()).isEqualTo("ClusterIP");
    assertThat(created.at("/spec/ports/0/targetPort").asInt()).isEqualTo(80);
    var switched = http.merge("/api/v1/namespaces/default/services/web",
        "{\"spec\":{\"selector\":{\"rollouts-pod-template-hash\":\"h2\"}}}");
    assertThat(switched.code()).isEqualTo(200);
    assertThat(switched.at("/spec/selector/rollouts-pod-template-hash").asText()).isEqualTo("h2");
    assertThat(switched.at("/spec/clusterIP").asText()).isEqualTo(created.at("/spec/clusterIP").asText());
    assertThat(http.post("/api/v1/namespaces/default/services", "{\"metadata\":{\"name\":\"1web\"},"
        + "\"spec\":{\"ports\":[{\"port\":80}]}}").code()).isEqualTo(422);
  }

  @Test
  void customResourceScaleFollowsTheCrdPaths() {
    http.post("/apis/fidelity.example.com/v1/namespaces/default/canaries", """
        {"apiVersion":"fidelity.example.com/v1","kind":"Canary","metadata":{"name":"can"},
         "spec":{"replicas":2,"strategy":"canary","stepWeight":10}}""");
    var scale = http.get("/apis/fidelity.example.com/v1/namespaces/default/canaries/can/scale");
    assertThat(scale.at("/apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(2);
    var put = http.put("/apis/fidelity.example.com/v1/namespaces/default/canaries/can/scale",
        "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":\"can\"},\"spec\":{\"replicas\":5}}");
    assertThat(put.code()).isEqualTo(200);
    JsonNode canary = http.get("/apis/fidelity.example.com/v1/namespaces/default/canaries/can").body();
    assertThat(canary.at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(canary.at("/metadata/generation").asLong()).isEqualTo(2);
  }
}
