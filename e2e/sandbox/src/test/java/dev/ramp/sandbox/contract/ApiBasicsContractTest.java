package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.configMap;
import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.Resource;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionNames;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionSpec;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionVersion;
import io.kubernetes.client.openapi.models.V1CustomResourceSubresources;
import io.kubernetes.client.openapi.models.V1CustomResourceValidation;
import io.kubernetes.client.openapi.models.V1JSONSchemaProps;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/** Rows A*: namespaces, names, generated fields, LIST shape and paging, DELETE and 404 answers, dry run. */
class ApiBasicsContractTest {
  private static final String NAME_ALPHABET = "[bcdfghjklmnpqrstvwxz2456789]";
  private static final String DNS1123_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must"
          + " start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  @ContractTest
  @DisplayName("A1: create in a namespace that does not exist is 404 NotFound naming the namespace")
  void a1(Contract c) {
    String missing = c.namespace() + "-missing";
    Answer answer = c.wire().post(Resource.CONFIG_MAPS.collection(missing), configMap("a1"));
    Expect.failure(answer, 404, "NotFound", "namespaces \"" + missing + "\" not found");
  }

  @ContractTest
  @DisplayName("A2: a name that is not a DNS-1123 subdomain is 422 Invalid")
  void a2(Contract c) {
    Answer answer = c.create(Resource.CONFIG_MAPS, configMap("Bad_Name"));
    Expect.failure(
        answer,
        422,
        "Invalid",
        "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": " + DNS1123_MESSAGE);
  }

  @ContractTest
  @DisplayName("A3: generateName gen- creates gen- plus a generated suffix")
  void a3(Contract c) {
    ObjectNode object = configMap("unused");
    ((ObjectNode) object.get("metadata")).remove("name");
    ((ObjectNode) object.get("metadata")).put("generateName", "gen-");
    Answer answer = c.create(Resource.CONFIG_MAPS, object);
    Expect.ok(answer, 201, "ConfigMap");
    assertThat(answer.name()).startsWith("gen-");
    assertThat(answer.text("/metadata/generateName")).isEqualTo("gen-");
    assertThat(c.get(Resource.CONFIG_MAPS, answer.name()).code()).isEqualTo(200);
  }

  @ContractTest
  @DisplayName("A3b: a generated name is the prefix plus 5 random characters of the server's alphabet")
  void a3b(Contract c) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ObjectNode object = Json.object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'generateName':'gen-'}}");
      Answer answer = c.create(Resource.CONFIG_MAPS, object);
      Expect.ok(answer, 201, "ConfigMap");
      names.add(answer.name());
    }
    assertThat(names).hasSize(5).allSatisfy(name -> assertThat(name).matches("gen-" + NAME_ALPHABET + "{5}"));
  }

  @ContractTest
  @DisplayName("A4: a new object gets a random (v4) UUID and a creationTimestamp in whole seconds")
  void a4(Contract c) {
    Answer first = c.create(Resource.CONFIG_MAPS, configMap("a4-one"));
    Answer second = c.create(Resource.CONFIG_MAPS, configMap("a4-two"));
    for (Answer answer : List.of(first, second)) {
      Expect.ok(answer, 201, "ConfigMap");
      assertThat(answer.text("/metadata/uid"))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(answer.text("/metadata/creationTimestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
    assertThat(first.text("/metadata/uid")).isNotEqualTo(second.text("/metadata/uid"));
  }

  @ContractTest
  @DisplayName("A5: LIST of a built-in kind: the items carry no kind/apiVersion, the list does")
  void a5(Contract c) {
    c.created(Resource.CONFIG_MAPS, configMap("a5"));
    Answer list = c.list(Resource.CONFIG_MAPS);
    Expect.ok(list, 200, "ConfigMapList");
    assertThat(list.text("/apiVersion")).isEqualTo("v1");
    assertThat(list.at("/items")).isNotEmpty();
    list.at("/items").forEach(item -> {
      assertThat(item.has("kind")).as("item kind in %s", list).isFalse();
      assertThat(item.has("apiVersion")).as("item apiVersion in %s", list).isFalse();
    });
  }

  @ContractTest
  @DisplayName("A5b: LIST of a custom resource: the items carry kind and apiVersion")
  void a5b(Contract c) {
    c.created(Resource.ROLLOUTS, rollout("a5b"));
    Answer list = c.list(Resource.ROLLOUTS);
    Expect.ok(list, 200, "RolloutList");
    assertThat(list.at("/items")).isNotEmpty();
    list.at("/items").forEach(item -> {
      assertThat(item.path("kind").asText()).isEqualTo("Rollout");
      assertThat(item.path("apiVersion").asText()).isEqualTo("contract.ramp.dev/v1");
    });
  }

  @ContractTest
  @DisplayName("A6: LIST with limit=1 pages: one item, a continue token, remainingItemCount = the rest")
  void a6(Contract c) {
    for (String name : List.of("a6-a", "a6-b", "a6-c")) {
      c.created(Resource.CONFIG_MAPS, configMap(name));
    }
    List<String> all = c.list(Resource.CONFIG_MAPS).itemNames();
    assertThat(all).contains("a6-a", "a6-b", "a6-c");

    Answer first = c.list(Resource.CONFIG_MAPS, "limit", "1");
    assertThat(first.code()).isEqualTo(200);
    assertThat(first.itemNames()).as("%s", first).hasSize(1);
    assertThat(first.text("/metadata/continue")).as("%s", first).isNotEmpty();
    assertThat(first.at("/metadata/remainingItemCount").asLong(-1)).as("%s", first).isEqualTo(all.size() - 1);

    List<String> paged = new ArrayList<>(first.itemNames());
    String token = first.text("/metadata/continue");
    for (int page = 0; !token.isEmpty() && page < all.size(); page++) {
      Answer next = c.list(Resource.CONFIG_MAPS, "limit", "1", "continue", token);
      assertThat(next.code()).as("%s", next).isEqualTo(200);
      paged.addAll(next.itemNames());
      token = next.text("/metadata/continue");
    }
    assertThat(token).as("continue token after the last page").isEmpty();
    assertThat(paged).containsExactlyElementsOf(all);
  }

  @ContractTest
  @DisplayName("A7: DELETE of a ConfigMap without finalizers answers 200 with a Success Status")
  void a7(Contract c) {
    c.created(Resource.CONFIG_MAPS, configMap("a7"));
    Answer answer = c.delete(Resource.CONFIG_MAPS, "a7");
    Expect.ok(answer, 200, "Status");
    assertThat(answer.text("/status")).isEqualTo("Success");
    assertThat(c.get(Resource.CONFIG_MAPS, "a7").code()).isEqualTo(404);
  }

  @ContractTest
  @DisplayName("A7b: DELETE of a custom resource without finalizers answers 200 with a Success Status")
  void a7b(Contract c) {
    c.created(Resource.ROLLOUTS, rollout("a7b"));
    Answer answer = c.delete(Resource.ROLLOUTS, "a7b");
    Expect.ok(answer, 200, "Status");
    assertThat(answer.text("/status")).isEqualTo("Success");
    assertThat(c.get(Resource.ROLLOUTS, "a7b").code()).isEqualTo(404);
  }

  @ContractTest
  @DisplayName("A8: GET of a missing ConfigMap is 404 with a NotFound Status")
  void a8(Contract c) {
    Expect.notFound(c.get(Resource.CONFIG_MAPS, "nope"), Resource.CONFIG_MAPS, "nope");
  }

  @ContractTest
  @DisplayName("A8b: DELETE of a missing ConfigMap is 404 with a NotFound Status")
  void a8b(Contract c) {
    Expect.notFound(c.delete(Resource.CONFIG_MAPS, "nope"), Resource.CONFIG_MAPS, "nope");
  }

  @ContractTest
  @DisplayName("A8c: client-java surfaces a 404 as isSuccess=false (generic API) and ApiException with a Status body (typed API)")
  void a8c(Contract c) {
    GenericKubernetesApi<V1ConfigMap, V1ConfigMapList> generic =
        new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", c.api());

    KubernetesApiResponse<V1ConfigMap> get = generic.get(c.namespace(), "nope");
    assertThat(get.isSuccess()).isFalse();
    assertThat(get.getHttpStatusCode()).isEqualTo(404);
    assertThat(get.getStatus().getReason()).isEqualTo("NotFound");

    KubernetesApiResponse<V1ConfigMap> delete = generic.delete(c.namespace(), "nope");
    assertThat(delete.isSuccess()).isFalse();
    assertThat(delete.getHttpStatusCode()).isEqualTo(404);

    ApiException thrown =
        catchThrowableOfType(
            ApiException.class, () -> new CoreV1Api(c.api()).readNamespacedConfigMap("nope", c.namespace()).execute());
    assertThat(thrown.getCode()).isEqualTo(404);
    JsonNode body = Json.parseLenient(thrown.getResponseBody());
    assertThat(body.path("kind").asText()).as("response body %s", thrown.getResponseBody()).isEqualTo("Status");
    assertThat(body.path("reason").asText()).isEqualTo("NotFound");
  }

  @ContractTest
  @DisplayName("A9: POST with dryRun=All answers 201 but stores nothing")
  void a9(Contract c) {
    Answer answer = c.create(Resource.CONFIG_MAPS, configMap("a9"), "dryRun", "All");
    Expect.ok(answer, 201, "ConfigMap");
    assertThat(answer.name()).isEqualTo("a9");
    Expect.notFound(c.get(Resource.CONFIG_MAPS, "a9"), Resource.CONFIG_MAPS, "a9");
  }

  @ContractTest
  @DisplayName("A10: a CRD built with client-java's typed V1CustomResourceDefinition is 422 Invalid (empty lists and maps it sends)")
  void a10(Contract c) throws ApiException {
    String name = "typedprobes." + Resource.GROUP;
    V1CustomResourceDefinition crd =
        new V1CustomResourceDefinition()
            .apiVersion("apiextensions.k8s.io/v1")
            .kind("CustomResourceDefinition")
            .metadata(new V1ObjectMeta().name(name))
            .spec(
                new V1CustomResourceDefinitionSpec()
                    .group(Resource.GROUP)
                    .scope("Namespaced")
                    .names(
                        new V1CustomResourceDefinitionNames()
                            .kind("TypedProbe")
                            .listKind("TypedProbeList")
                            .plural("typedprobes")
                            .singular("typedprobe"))
                    .versions(
                        List.of(
                            new V1CustomResourceDefinitionVersion()
                                .name("v1")
                                .served(true)
                                .storage(true)
                                .subresources(new V1CustomResourceSubresources().status(Map.of()))
                                .schema(
                                    new V1CustomResourceValidation()
                                        .openAPIV3Schema(
                                            new V1JSONSchemaProps()
                                                .type("object")
                                                .xKubernetesPreserveUnknownFields(true))))));
    ApiextensionsV1Api api = new ApiextensionsV1Api(c.api());
    try {
      ApiException thrown = catchThrowableOfType(ApiException.class, () -> api.createCustomResourceDefinition(crd).execute());
      assertThat(thrown).as("creating the typed CRD should fail").isNotNull();
      assertThat(thrown.getCode()).isEqualTo(422);
      JsonNode status = Json.parseLenient(thrown.getResponseBody());
      assertThat(status.path("reason").asText()).as("%s", thrown.getResponseBody()).isEqualTo("Invalid");
      assertThat(status.path("message").asText())
          .startsWith("CustomResourceDefinition.apiextensions.k8s.io \"" + name + "\" is invalid: ")
          .contains("spec.validation.openAPIV3Schema: Invalid value:");
    } finally {
      c.wire().delete(Resource.CRDS.path("", name));
    }
  }
}
