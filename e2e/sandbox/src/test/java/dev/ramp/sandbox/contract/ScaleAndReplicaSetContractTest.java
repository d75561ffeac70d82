package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.Manifests;
import dev.ramp.sandbox.contract.harness.PatchType;
import dev.ramp.sandbox.contract.harness.Poll;
import dev.ramp.sandbox.contract.harness.Resource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Rows SC*: ReplicaSets and their pods, the /scale subresource of ReplicaSets and of a custom resource,
 * selector validation, who owns ReplicaSet status, Deployments and Services.
 */
class ScaleAndReplicaSetContractTest {
  private static final Resource RS = Resource.REPLICA_SETS;
  private static final Duration CONTROLLERS_WITHIN = Duration.ofSeconds(30);
  private static final String POD_NAME_ALPHABET = "[bcdfghjklmnpqrstvwxz2456789]";

  /**
   * An image whose pods must never become Ready on their own: the sandbox's kubelet stand-in is told so,
   * and on a real cluster the pods are not scheduled (a nodeSelector no node has) so no kubelet touches
   * them, as in the reference run, which had no nodes.
   */
  private static final String PARKED_IMAGE = "registry.invalid/contract-parked:1";

  private static ObjectNode parked(Contract c, ObjectNode replicaSet) {
    c.kubelet().ifPresent(kubelet -> kubelet.neverReady(PARKED_IMAGE));
    ObjectNode podSpec = (ObjectNode) replicaSet.at("/spec/template/spec");
    podSpec.putObject("nodeSelector").put("contract.ramp.dev/no-such-node", "true");
    ((ObjectNode) podSpec.get("containers").get(0)).put("image", PARKED_IMAGE);
    return replicaSet;
  }

  private static Answer pods(Contract c, String app, String hash) {
    return c.list(Resource.PODS, "labelSelector", "app=" + app + ",rollouts-pod-template-hash=" + hash);
  }

  @ContractTest
  @DisplayName("SC1: an apps/v1 ReplicaSet is created (201) with generation 1")
  void sc1(Contract c) {
    Answer answer = c.create(RS, replicaSet("web-sc1", "web-sc1", "h1", 2, "nginx:1.25"));
    Expect.ok(answer, 201, "ReplicaSet");
    assertThat(answer.generation()).isEqualTo(1);
  }

  @ContractTest
  @DisplayName("SC2: a ReplicaSet gets its pods (named after it, owned by it) and status.replicas / observedGeneration")
  void sc2(Contract c) {
    Answer created = c.created(RS, parked(c, replicaSet("web-sc2", "web-sc2", "h1", 2, PARKED_IMAGE)));
    Answer rs =
        Poll.until(
            CONTROLLERS_WITHIN,
            () -> c.get(RS, "web-sc2"),
            a -> a.at("/status/replicas").asInt() == 2 && a.at("/status/observedGeneration").asInt() == 1);
    assertThat(rs.at("/status/replicas").asInt()).as("%s", rs).isEqualTo(2);
    assertThat(rs.at("/status/observedGeneration").asInt()).as("%s", rs).isEqualTo(1);

    Answer pods = pods(c, "web-sc2", "h1");
    assertThat(pods.itemNames()).as("%s", pods).hasSize(2).allSatisfy(n -> assertThat(n).matches("web-sc2-" + POD_NAME_ALPHABET + "{5}"));
    for (JsonNode pod : pods.at("/items")) {
      JsonNode owner = pod.at("/metadata/ownerReferences/0");
      assertThat(owner.path("kind").asText()).isEqualTo("ReplicaSet");
      assertThat(owner.path("name").asText()).isEqualTo("web-sc2");
      assertThat(owner.path("uid").asText()).isEqualTo(created.text("/metadata/uid"));
      assertThat(owner.path("controller").asBoolean()).isTrue();
      assertThat(pod.at("/status/phase").asText()).isNotEmpty();
    }
  }

  @ContractTest
  @DisplayName("SC3: GET of a ReplicaSet's /scale answers an autoscaling/v1 Scale with replicas and selector")
  void sc3(Contract c) {
    c.created(RS, parked(c, replicaSet("web-sc3", "web-sc3", "h1", 2, PARKED_IMAGE)));
    Answer scale =
        Poll.until(
            CONTROLLERS_WITHIN, () -> c.wire().get(c.path(RS, "web-sc3") + "/scale"), a -> a.at("/status/replicas").asInt() == 2);
    Expect.ok(scale, 200, "Scale");
    assertThat(scale.text("/apiVersion")).isEqualTo("autoscaling/v1");
    assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(scale.at("/status"))
        .isEqualTo(Json.object("{'replicas':2,'selector':'app=web-sc3,rollouts-pod-template-hash=h1'}"));
  }

  @ContractTest
  @DisplayName("SC4: PUT of /scale (Scale, replicas 3) answers a Scale; the ReplicaSet has replicas 3, generation 2")
  void sc4(Contract c) {
    c.created(RS, parked(c, replicaSet("web-sc4", "web-sc4", "h1", 2, PARKED_IMAGE)));
    ObjectNode scale =
        Json.object(
            "{'apiVersion':'autoscaling/v1','kind':'Scale','metadata':{'name':'web-sc4','namespace':'%s'},'spec':{'replicas':3}}"
                .formatted(c.namespace()));
    Answer answer = c.wire().put(c.path(RS, "web-sc4") + "/scale", scale);
    Expect.ok(answer, 200, "Scale");
    Answer rs = c.get(RS, "web-sc4");
    Expect.ok(rs, 200, "ReplicaSet");
    assertThat(rs.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(rs.generation()).isEqualTo(2);
    assertThat(c.list(RS).itemNames()).contains("web-sc4");
  }

  @ContractTest
  @DisplayName("SC5: a merge patch of /scale (replicas 1) answers a Scale; the ReplicaSet has replicas 1")
  void sc5(Contract c) {
    c.created(RS, parked(c, replicaSet("web-sc5", "web-sc5", "h1", 2, PARKED_IMAGE)));
    Answer answer =
        c.wire().patch(c.path(RS, "web-sc5") + "/scale", PatchType.MERGE, "{\"spec\":{\"replicas\":1}}");
    Expect.ok(answer, 200, "Scale");
    assertThat(c.get(RS, "web-sc5").at("/spec/replicas").asInt()).isEqualTo(1);
  }

  @ContractTest
  @DisplayName("SC6: a ReplicaSet whose selector does not match its template labels is 422 Invalid")
  void sc6(Contract c) {
    ObjectNode rs = replicaSet("bad-sel", "web-rs", "h1", 1, "nginx:1.25");
    ((ObjectNode) rs.at("/spec/selector/matchLabels")).put("rollouts-pod-template-hash", "zz");
    Expect.failure(
        c.create(RS, rs),
        422,
        "Invalid",
        "ReplicaSet.apps \"bad-sel\" is invalid: spec.template.metadata.labels: Invalid value:"
            + " map[string]string{\"app\":\"web-rs\", \"rollouts-pod-template-hash\":\"h1\"}: `selector` does not match"
            + " template `labels`");
  }

  @ContractTest
  @DisplayName("SC7: changing a ReplicaSet's selector is 422 Invalid: mismatch and field is immutable")
  void sc7(Contract c) {
    c.created(RS, replicaSet("web-h2", "web-rs", "h2", 0, "nginx:1.25"));
    Expect.failure(
        c.merge(RS, "web-h2", "{'spec':{'selector':{'matchLabels':{'extra':'x'}}}}"),
        422,
        "Invalid",
        "ReplicaSet.apps \"web-h2\" is invalid: [spec.template.metadata.labels: Invalid value:"
            + " map[string]string{\"app\":\"web-rs\", \"rollouts-pod-template-hash\":\"h2\"}: `selector` does not match"
            + " template `labels`, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web-rs\","
            + " \"extra\":\"x\", \"rollouts-pod-template-hash\":\"h2\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}:"
            + " field is immutable]");
  }

  @ContractTest
  @DisplayName("SC8: ReplicaSet status belongs to its controller: a readyReplicas written by hand is overwritten from the pods")
  void sc8(Contract c) {
    c.created(RS, parked(c, replicaSet("web-sc8", "web-sc8", "h1", 2, PARKED_IMAGE)));
    Poll.until(CONTROLLERS_WITHIN, () -> pods(c, "web-sc8", "h1").itemNames().size(), n -> n == 2);
    Poll.until(CONTROLLERS_WITHIN, () -> c.get(RS, "web-sc8"), a -> a.at("/status/replicas").asInt() == 2);
    Answer patched = c.mergeStatus(RS, "web-sc8", "{'status':{'readyReplicas':2}}");
    Expect.ok(patched, 200, "ReplicaSet");
    Answer after =
        Poll.until(CONTROLLERS_WITHIN, () -> c.get(RS, "web-sc8"), a -> a.at("/status/readyReplicas").isMissingNode());
    assertThat(after.at("/status/readyReplicas").isMissingNode()).as("%s", after).isTrue();
  }

  @ContractTest
  @DisplayName("SC8b: pods marked Running and Ready through their /status make the ReplicaSet report them ready and available")
  void sc8b(Contract c) {
    c.created(RS, parked(c, replicaSet("web-sc8b", "web-sc8b", "h1", 2, PARKED_IMAGE)));
    List<String> podNames =
        Poll.until(CONTROLLERS_WITHIN, () -> pods(c, "web-sc8b", "h1").itemNames(), n -> n.size() == 2);
    assertThat(podNames).hasSize(2);
    for (String pod : podNames) {
      Answer ready =
          c.mergeStatus(
              Resource.PODS,
              pod,
              "{'status':{'phase':'Running','conditions':[{'type':'Ready','status':'True'}]}}");
      Expect.ok(ready, 200, "Pod");
    }
    Answer rs =
        Poll.until(
            CONTROLLERS_WITHIN,
            () -> c.get(RS, "web-sc8b"),
            a -> a.at("/status/readyReplicas").asInt() == 2 && a.at("/status/availableReplicas").asInt() == 2);
    assertThat(rs.at("/status/readyReplicas").asInt()).as("%s", rs).isEqualTo(2);
    assertThat(rs.at("/status/availableReplicas").asInt()).as("%s", rs).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("SC9: GET of a Canary's /scale (CRD scale subresource) answers an autoscaling/v1 Scale")
  void sc9(Contract c) {
    ObjectNode canary = Manifests.canary("sc9", "canary", 10);
    canary.withObjectProperty("spec").put("replicas", 2);
    c.created(Resource.CANARIES, canary);
    Answer scale = c.wire().get(c.path(Resource.CANARIES, "sc9") + "/scale");
    Expect.ok(scale, 200, "Scale");
    assertThat(scale.text("/apiVersion")).isEqualTo("autoscaling/v1");
    assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("SC10: PUT of a Canary's /scale (replicas 5) answers a Scale; the Canary has replicas 5, generation 2")
  void sc10(Contract c) {
    ObjectNode canary = Manifests.canary("sc10", "canary", 10);
    canary.withObjectProperty("spec").put("replicas", 2);
    c.created(Resource.CANARIES, canary);
    ObjectNode scale =
        Json.object(
            "{'apiVersion':'autoscaling/v1','kind':'Scale','metadata':{'name':'sc10','namespace':'%s'},'spec':{'replicas':5}}"
                .formatted(c.namespace()));
    Answer answer = c.wire().put(c.path(Resource.CANARIES, "sc10") + "/scale", scale);
    Expect.ok(answer, 200, "Scale");
    Answer after = c.get(Resource.CANARIES, "sc10");
    Expect.ok(after, 200, "Canary");
    assertThat(after.at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(after.generation()).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("SC11: a Deployment gets one ReplicaSet named after it and its pod-template-hash")
  void sc11(Contract c) {
    ObjectNode deployment = parked(c, replicaSet("web-dep", "web-dep", "unused", 1, PARKED_IMAGE));
    deployment.put("kind", "Deployment");
    ((ObjectNode) deployment.at("/spec/selector/matchLabels")).remove("rollouts-pod-template-hash");
    ((ObjectNode) deployment.at("/spec/template/metadata/labels")).remove("rollouts-pod-template-hash");
    Answer created = c.created(Resource.DEPLOYMENTS, deployment);
    Answer owned =
        Poll.until(CONTROLLERS_WITHIN, () -> c.list(RS, "labelSelector", "app=web-dep"), a -> a.itemNames().size() == 1);
    assertThat(owned.itemNames()).as("%s", owned).hasSize(1);
    JsonNode rs = owned.at("/items/0");
    String hash = rs.at("/metadata/labels/pod-template-hash").asText();
    assertThat(hash).matches(POD_NAME_ALPHABET + "{1,10}");
    assertThat(rs.at("/metadata/name").asText()).isEqualTo("web-dep-" + hash);
    assertThat(rs.at("/spec/selector/matchLabels/pod-template-hash").asText()).isEqualTo(hash);
    assertThat(rs.at("/metadata/ownerReferences/0/uid").asText()).isEqualTo(created.text("/metadata/uid"));
    assertThat(rs.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Deployment");
  }

  @ContractTest
  @DisplayName("SC12: a Service gets a cluster IP and type ClusterIP; a merge patch switches its selector (200)")
  void sc12(Contract c) {
    ObjectNode service =
        Json.object(
            """
            {'apiVersion':'v1','kind':'Service','metadata':{'name':'web-svc'},
             'spec':{'selector':{'app':'web-rs','rollouts-pod-template-hash':'h1'},'ports':[{'port':80,'targetPort':8080}]}}""");
    Answer created = c.create(Resource.SERVICES, service);
    Expect.ok(created, 201, "Service");
    assertThat(created.text("/spec/clusterIP")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+|[0-9a-f:]+");
    assertThat(created.text("/spec/type")).isEqualTo("ClusterIP");
    Answer switched = c.merge(Resource.SERVICES, "web-svc", "{'spec':{'selector':{'rollouts-pod-template-hash':'h2'}}}");
    Expect.ok(switched, 200, "Service");
    assertThat(switched.at("/spec/selector"))
        .isEqualTo(Json.object("{'app':'web-rs','rollouts-pod-template-hash':'h2'}"));
  }
}
