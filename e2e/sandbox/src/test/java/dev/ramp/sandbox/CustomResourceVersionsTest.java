package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A foreign CRD served in three versions, patched as Ramp's traffic routers patch it (V1–V8). */
class CustomResourceVersionsTest {
  static Sandbox sandbox;
  static Http http;
  static final String V1BETA1 = "/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices";
  static final String VS = """
      {"apiVersion":"networking.istio.io/v1beta1","kind":"VirtualService","metadata":{"name":"%s"},
       "spec":{"hosts":["web"],"gateways":["gw"],"http":[
         {"match":[{"headers":{"x-canary":{"exact":"1"}}}],"route":[{"destination":{"host":"web-canary"},"weight":100}]},
         {"name":"primary","route":[{"destination":{"host":"web-stable"},"weight":100},
                                    {"destination":{"host":"web-canary"},"weight":0}]},
         {"route":[{"destination":{"host":"web-stable"}}]}]}}
      """;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    sandbox.apply(Path.of("src/test/resources/crds/virtualservice.yaml"));
    sandbox.apply(Path.of("src/test/resources/crds/rollout.yaml"));
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void everyServedVersionShowsTheSameObject() {
    var created = http.post(V1BETA1, VS.formatted("web-vs"));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.at("/apiVersion").asText()).isEqualTo("networking.istio.io/v1beta1");
    var v1 = http.get("/apis/networking.istio.io/v1/namespaces/default/virtualservices/web-vs");
    assertThat(v1.code()).isEqualTo(200);
    assertThat(v1.at("/apiVersion").asText()).isEqualTo("networking.istio.io/v1");
    var alpha = http.get("/apis/networking.istio.io/v1alpha3/namespaces/default/virtualservices");
    List<String> names = new ArrayList<>();
    alpha.at("/items").forEach(item -> {
      names.add(item.at("/metadata/name").asText());
      assertThat(item.at("/apiVersion").asText()).isEqualTo("networking.istio.io/v1alpha3");
    });
    assertThat(names).contains("web-vs");
    assertThat(http.get("/apis/networking.istio.io").at("/preferredVersion/version").asText()).isEqualTo("v1");
  }

  @Test
  void mergePatchReplacesListsAndNullDeletes() {
    http.post(V1BETA1, VS.formatted("merge-vs"));
    var replaced = http.merge(V1BETA1 + "/merge-vs", """
        {"spec":{"http":[{"name":"primary","route":[{"destination":{"host":"web-stable"},"weight":80},
                                                    {"destination":{"host":"web-canary"},"weight":20}]}]}}""");
    assertThat(replaced.code()).isEqualTo(200);
    assertThat(replaced.at("/spec/http").size()).isEqualTo(1);
    assertThat(replaced.at("/spec/http/0/match").isMissingNode()).isTrue();
    assertThat(replaced.at("/spec/http/0/route/1/weight").asInt()).isEqualTo(20);
    assertThat(replaced.at("/metadata/generation").asLong()).isEqualTo(2);
    var removed = http.merge(V1BETA1 + "/merge-vs", "{\"spec\":{\"gateways\":null}}");
    assertThat(removed.at("/spec").has("gateways")).isFalse();
  }

  @Test
  void jsonPatchTestsAndReplacesWeights() {
    http.post(V1BETA1, VS.formatted("json-vs"));
    var shifted = http.jsonPatch(V1BETA1 + "/json-vs", """
        [{"op":"test","path":"/spec/http/1/route/1/destination/host","value":"web-canary"},
         {"op":"replace","path":"/spec/http/1/route/0/weight","value":70},
         {"op":"replace","path":"/spec/http/1/route/1/weight","value":30}]""");
    assertThat(shifted.code()).isEqualTo(200);
    assertThat(shifted.at("/spec/http/1/route/0/weight").asInt()).isEqualTo(70);
    var failed = http.jsonPatch(V1BETA1 + "/json-vs",
        "[{\"op\":\"test\",\"path\":\"/spec/http/1/route/1/destination/host\",\"value\":\"nope\"}]");
    assertThat(failed.code()).isEqualTo(422);
    assertThat(failed.message()).isEqualTo("the server rejected our request due to an error in our request");
    var missing = http.jsonPatch(V1BETA1 + "/json-vs",
        "[{\"op\":\"replace\",\"path\":\"/spec/http/5/route/0/weight\",\"value\":1}]");
    assertThat(missing.code()).isEqualTo(422);
  }

  @Test
  void rolloutListsAreReplacedWholeByAMergePatch() {
    http.post("/apis/spike.example.com/v1/namespaces/default/rollouts", "{\"apiVersion\":\"spike.example.com/v1\","
        + "\"kind\":\"Rollout\",\"metadata\":{\"name\":\"steps\"},\"spec\":{\"steps\":[{\"setWeight\":10},{\"setWeight\":50}]}}");
    JsonNode patched = http.merge("/apis/spike.example.com/v1/namespaces/default/rollouts/steps",
        "{\"spec\":{\"steps\":[{\"setWeight\":20}]}}").body();
    assertThat(patched.at("/spec/steps").toString()).isEqualTo("[{\"setWeight\":20}]");
  }

  @Test
  void serverSideApplyCreatesThenMerges() {
    var created = http.patch(V1BETA1 + "/ssa-vs?fieldManager=ramp", "application/apply-patch+yaml", """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: ssa-vs
        spec:
          hosts: [web]
        """);
    assertThat(created.code()).isEqualTo(201);
    var applied = http.patch(V1BETA1 + "/ssa-vs?fieldManager=ramp", "application/apply-patch+yaml", """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: ssa-vs
        spec:
          hosts: [web, web.example.com]
        """);
    assertThat(applied.code()).isEqualTo(200);
    assertThat(applied.at("/spec/hosts").size()).isEqualTo(2);
  }

  @Test
  void deletingTheCrdDeletesItsObjectsAndStopsServingIt() throws Exception {
    sandbox.applyText("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.temp.example.com
        spec:
          group: temp.example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        ---
        apiVersion: temp.example.com/v1
        kind: Widget
        metadata:
          name: w
          namespace: default
        spec: {size: 1}
        """);
    String path = "/apis/temp.example.com/v1/namespaces/default/widgets/w";
    assertThat(http.get(path).code()).isEqualTo(200);
    JsonNode crd = http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.temp.example.com").body();
    assertThat(crd.at("/status/conditions/1/type").asText()).isEqualTo("Established");
    assertThat(crd.at("/status/conditions/1/status").asText()).isEqualTo("True");
    http.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.temp.example.com");
    Conditions.await("the CRD is gone", () ->
        http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.temp.example.com").code() == 404);
    assertThat(http.get(path).code()).isEqualTo(404);
    assertThat(http.get("/apis/temp.example.com/v1").code()).isEqualTo(404);
  }

  /** What client-java's typed V1JSONSchemaProps sends for an object schema: every list and map, empty. */
  static final String TYPED_SCHEMA = """
      {"type":"object","x-kubernetes-preserve-unknown-fields":true,"allOf":[],"anyOf":[],"definitions":{},
       "dependencies":{},"enum":[],"oneOf":[],"patternProperties":{},"properties":{},"required":[],
       "x-kubernetes-list-map-keys":[],"x-kubernetes-validations":[]}""";

  static String probeCrd(String plural, String subresources, String... schemas) {
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < schemas.length; i++) {
      versions.add("""
          {"name":"v%d","served":true,"storage":%b,%s"schema":{"openAPIV3Schema":%s}}"""
          .formatted(i + 1, i == 0, subresources, schemas[i]));
    }
    return """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"%s.fidelity.example.com"},
         "spec":{"group":"fidelity.example.com","scope":"Namespaced",
           "names":{"kind":"Probe%s","plural":"%s"},"versions":[%s]}}"""
        .formatted(plural, plural, plural, String.join(",", versions));
  }

  @Test
  void crdFromTheTypedClientWithStatusIsRejectedAtTheRootOfTheSchema() {
    var response = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        probeCrd("typedprobes", "\"subresources\":{\"status\":{}},", TYPED_SCHEMA));
    assertThat(response.code()).isEqualTo(422);
    assertThat(response.message()).isEqualTo("CustomResourceDefinition.apiextensions.k8s.io"
        + " \"typedprobes.fidelity.example.com\" is invalid: [spec.validation.openAPIV3Schema: Invalid value:"
        + " JSONSchemaProps{...}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum"
        + " ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items"
        + " Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of"
        + " the schema if the status subresource is enabled, spec.validation.openAPIV3Schema.dependencies:"
        + " Forbidden: dependencies is not supported]");
  }

  @Test
  void crdWithTypedClientLeftoversIsRejectedForItsDependenciesOnly() {
    var response = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        probeCrd("leftovers", "", TYPED_SCHEMA));
    assertThat(response.code()).isEqualTo(422);
    assertThat(response.message()).isEqualTo("CustomResourceDefinition.apiextensions.k8s.io"
        + " \"leftovers.fidelity.example.com\" is invalid:"
        + " spec.validation.openAPIV3Schema.dependencies: Forbidden: dependencies is not supported");
  }

  @Test
  void schemasThatDifferPerVersionAreReportedPerVersion() {
    var response = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        probeCrd("perversions", "", "{\"type\":\"object\"}", "{\"type\":\"object\",\"dependencies\":{}}"));
    assertThat(response.code()).isEqualTo(422);
    assertThat(response.message()).endsWith(" is invalid:"
        + " spec.versions[1].schema.openAPIV3Schema.dependencies: Forbidden: dependencies is not supported");
  }

  @Test
  void emptyPatternPropertiesAndDefinitionsCountAsUnset() {
    var response = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        probeCrd("emptymaps", "", """
            {"type":"object","x-kubernetes-preserve-unknown-fields":true,"patternProperties":{},"definitions":{}}"""));
    assertThat(response.code()).as(response.text()).isEqualTo(201);
    var created = http.post("/apis/fidelity.example.com/v1/namespaces/default/emptymaps",
        "{\"apiVersion\":\"fidelity.example.com/v1\",\"kind\":\"Probeemptymaps\",\"metadata\":{\"name\":\"p\"}}");
    assertThat(created.code()).as(created.text()).isEqualTo(201);
  }
}
