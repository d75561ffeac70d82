package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static dev.ramp.sandbox.contract.harness.Manifests.virtualService;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.PatchType;
import dev.ramp.sandbox.contract.harness.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Rows V*: Istio's VirtualService as a foreign CRD (unknown fields kept, three served versions, no status
 * subresource) and the patches a traffic router sends it.
 */
class ForeignCrdContractTest {
  private static final Resource VS = Resource.VIRTUAL_SERVICES;
  private static final String REJECTED = "the server rejected our request due to an error in our request";
  static final String UNSUPPORTED_PATCH =
      "the body of the request was in an unknown format - accepted media types include: application/json-patch+json,"
          + " application/merge-patch+json, application/apply-patch+yaml";

  private static List<Integer> weights(JsonNode route) {
    List<Integer> weights = new ArrayList<>();
    route.forEach(destination -> weights.add(destination.path("weight").asInt(-1)));
    return weights;
  }

  @ContractTest
  @DisplayName("V1: create a networking.istio.io/v1beta1 VirtualService (201), unknown fields kept")
  void v1(Contract c) {
    Answer answer = c.create(VS, virtualService("web-vs"));
    Expect.ok(answer, 201, "VirtualService");
    assertThat(answer.text("/apiVersion")).isEqualTo("networking.istio.io/v1beta1");
    assertThat(answer.at("/spec/http")).hasSize(2);
    assertThat(answer.text("/spec/http/0/match/0/headers/x-canary/exact")).isEqualTo("1");
  }

  @ContractTest
  @DisplayName("V2: the same VirtualService is served through v1 and v1alpha3, each answering its own apiVersion")
  void v2(Contract c) {
    c.created(VS, virtualService("v2-vs"));
    for (String version : List.of("v1", "v1alpha3")) {
      Answer answer = c.wire().get(VS.inVersion(version).path(c.namespace(), "v2-vs"));
      Expect.ok(answer, 200, "VirtualService");
      assertThat(answer.text("/apiVersion")).isEqualTo("networking.istio.io/" + version);
      assertThat(answer.at("/spec/http")).hasSize(2);
    }
  }

  @ContractTest
  @DisplayName("V2b: LIST through v1alpha3 shows VirtualServices created through v1beta1")
  void v2b(Contract c) {
    c.created(VS, virtualService("v2b-vs"));
    Answer list = c.wire().get(VS.inVersion("v1alpha3").collection(c.namespace()));
    Expect.ok(list, 200, "VirtualServiceList");
    assertThat(list.itemNames()).contains("v2b-vs");
    list.at("/items").forEach(item -> assertThat(item.path("apiVersion").asText()).isEqualTo("networking.istio.io/v1alpha3"));
  }

  @ContractTest
  @DisplayName("V3: a merge patch of spec.http replaces the whole list (RFC 7386)")
  void v3(Contract c) {
    c.created(VS, virtualService("v3-vs"));
    Answer answer =
        c.merge(
            VS,
            "v3-vs",
            "{'spec':{'http':[{'name':'primary','route':[{'destination':{'host':'web-stable'},'weight':80},"
                + "{'destination':{'host':'web-canary'},'weight':20}]}]}}");
    Expect.ok(answer, 200, "VirtualService");
    assertThat(answer.at("/spec/http")).hasSize(1);
    assertThat(answer.at("/spec/http/0/match").isMissingNode()).as("%s", answer).isTrue();
    assertThat(weights(answer.at("/spec/http/0/route"))).containsExactly(80, 20);
    assertThat(answer.generation()).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("V3b: a merge patch with null removes the key (RFC 7386)")
  void v3b(Contract c) {
    c.created(VS, virtualService("v3b-vs"));
    Answer answer = c.merge(VS, "v3b-vs", "{'spec':{'gateways':null}}");
    Expect.ok(answer, 200, "VirtualService");
    assertThat(answer.json().path("spec").has("gateways")).as("%s", answer).isFalse();
  }

  @ContractTest
  @DisplayName("V3c: a merge patch of a list field of a Rollout replaces it: steps [10,50] patched with [20] is [20]")
  void v3c(Contract c) {
    ObjectNode object = rollout("v3c");
    object.withObjectProperty("spec").putArray("steps").add(step(10)).add(step(50));
    c.created(Resource.ROLLOUTS, object);
    Answer answer = c.merge(Resource.ROLLOUTS, "v3c", "{'spec':{'steps':[{'setWeight':20}]}}");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.at("/spec/steps").toString()).isEqualTo("[{\"setWeight\":20}]");
  }

  private static ObjectNode step(int weight) {
    ObjectNode step = Json.MAPPER.createObjectNode();
    step.put("setWeight", weight);
    return step;
  }

  @ContractTest
  @DisplayName("V4: a JSON patch testing the canary host and replacing both weights applies (200)")
  void v4(Contract c) {
    c.created(VS, virtualService("v4-vs"));
    String patch =
        """
        [{"op":"test","path":"/spec/http/0/route/1/destination/host","value":"web-canary"},
         {"op":"replace","path":"/spec/http/0/route/0/weight","value":70},
         {"op":"replace","path":"/spec/http/0/route/1/weight","value":30}]""";
    Answer answer = c.patch(VS, "v4-vs", PatchType.JSON, patch);
    Expect.ok(answer, 200, "VirtualService");
    assertThat(weights(answer.at("/spec/http/0/route"))).containsExactly(70, 30);
  }

  @ContractTest
  @DisplayName("V5: a JSON patch whose test fails is 422 Invalid and changes nothing")
  void v5(Contract c) {
    c.created(VS, virtualService("v5-vs"));
    String patch =
        """
        [{"op":"test","path":"/spec/http/0/route/1/destination/host","value":"nope"},
         {"op":"replace","path":"/spec/http/0/route/0/weight","value":70}]""";
    Expect.failure(c.patch(VS, "v5-vs", PatchType.JSON, patch), 422, "Invalid", REJECTED);
    assertThat(weights(c.get(VS, "v5-vs").at("/spec/http/0/route"))).containsExactly(100, 0);
  }

  @ContractTest
  @DisplayName("V6: a JSON patch replacing at a missing list index is 422 Invalid")
  void v6(Contract c) {
    c.created(VS, virtualService("v6-vs"));
    String patch = "[{\"op\":\"replace\",\"path\":\"/spec/http/5/route/0/weight\",\"value\":70}]";
    Expect.failure(c.patch(VS, "v6-vs", PatchType.JSON, patch), 422, "Invalid", REJECTED);
  }

  @ContractTest
  @DisplayName("V7: a strategic merge patch on a VirtualService is 415 UnsupportedMediaType")
  void v7(Contract c) {
    c.created(VS, virtualService("v7-vs"));
    Answer answer = c.patch(VS, "v7-vs", PatchType.STRATEGIC, "{\"spec\":{\"gateways\":[\"other\"]}}");
    Expect.failure(answer, 415, "UnsupportedMediaType", UNSUPPORTED_PATCH);
  }

  @ContractTest
  @DisplayName("V8: server-side apply on a VirtualService answers 200")
  void v8(Contract c) {
    c.created(VS, virtualService("v8-vs"));
    String apply =
        """
        {"apiVersion":"networking.istio.io/v1beta1","kind":"VirtualService","metadata":{"name":"v8-vs"},
         "spec":{"gateways":["mesh","edge"]}}""";
    Answer answer = c.patch(VS, "v8-vs", PatchType.APPLY, apply, "fieldManager", "contract-a", "force", "true");
    Expect.ok(answer, 200, "VirtualService");
    assertThat(answer.at("/spec/gateways").toString()).isEqualTo("[\"mesh\",\"edge\"]");
  }
}
