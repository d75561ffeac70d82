package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Codes, reasons and messages of the basic verbs, as REAL-APISERVER.md records them (A*, R*). */
class ApiBasicsTest {
  static Sandbox sandbox;
  static Http http;
  static final String CM = "/api/v1/namespaces/default/configmaps";
  static final String RO = "/apis/spike.example.com/v1/namespaces/default/rollouts";

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    sandbox.apply(Path.of("src/test/resources/crds/rollout.yaml"));
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static String configMap(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"v\"}}";
  }

  static String rollout(String name) {
    return "{\"apiVersion\":\"spike.example.com/v1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"" + name
        + "\"},\"spec\":{\"image\":\"app:1\",\"canaryWeight\":1}}";
  }

  @Test
  void createInAMissingNamespaceIsNotFound() {
    var response = http.post("/api/v1/namespaces/nowhere/configmaps", configMap("x"));
    assertThat(response.code()).isEqualTo(404);
    assertThat(response.reason()).isEqualTo("NotFound");
    assertThat(response.message()).isEqualTo("namespaces \"nowhere\" not found");
  }

  @Test
  void invalidNameIsInvalidWithTheRealMessage() {
    var response = http.post(CM, configMap("Bad_Name"));
    assertThat(response.code()).isEqualTo(422);
    assertThat(response.message()).isEqualTo("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": "
        + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
        + "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(response.at("/details/causes/0/field").asText()).isEqualTo("metadata.name");
    assertThat(response.at("/details/causes/0/reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(response.at("/details/kind").asText()).isEqualTo("ConfigMap");
  }

  @Test
  void generateNameAddsFiveCharactersOfTheRealAlphabet() {
    var response = http.post(CM, "{\"metadata\":{\"generateName\":\"gen-\"}}");
    assertThat(response.code()).isEqualTo(201);
    assertThat(response.at("/metadata/name").asText()).matches("gen-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(response.at("/metadata/uid").asText()).matches("[0-9a-f-]{36}");
    assertThat(response.at("/metadata/creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void listItemsOfBuiltinsCarryNoKindButCustomResourcesDo() {
    http.post(CM, configMap("a5"));
    http.post(RO, rollout("a5b"));
    JsonNode configMaps = http.get(CM).body();
    assertThat(configMaps.path("kind").asText()).isEqualTo("ConfigMapList");
    assertThat(configMaps.path("items").get(0).has("kind")).isFalse();
    assertThat(configMaps.path("items").get(0).has("apiVersion")).isFalse();
    JsonNode rollouts = http.get(RO).body();
    assertThat(rollouts.path("kind").asText()).isEqualTo("RolloutList");
    assertThat(rollouts.path("items").get(0).path("kind").asText()).isEqualTo("Rollout");
  }

  @Test
  void paginationCarriesContinueAndRemainingItemCount() {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"paging\"}}");
    for (String name : List.of("p1", "p2", "p3")) {
      http.post("/api/v1/namespaces/paging/configmaps", configMap(name));
    }
    var first = http.get("/api/v1/namespaces/paging/configmaps?limit=1");
    assertThat(first.at("/items").size()).isEqualTo(1);
    assertThat(first.at("/metadata/remainingItemCount").asLong()).isEqualTo(2);
    String token = first.at("/metadata/continue").asText();
    assertThat(token).isNotEmpty();
    List<String> names = new ArrayList<>(List.of(first.at("/items/0/metadata/name").asText()));
    String next = token;
    while (!next.isEmpty()) {
      var page = http.get("/api/v1/namespaces/paging/configmaps?limit=1&continue=" + next);
      page.at("/items").forEach(item -> names.add(item.at("/metadata/name").asText()));
      assertThat(page.at("/metadata/resourceVersion").asText()).isEqualTo(first.at("/metadata/resourceVersion").asText());
      next = page.at("/metadata/continue").asText();
    }
    assertThat(names).containsExactly("p1", "p2", "p3");
  }

  @Test
  void deleteAnswersStatusSuccessAndMissingObjectsAreNotFound() {
    http.post(CM, configMap("a7"));
    var deleted = http.delete(CM + "/a7");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.at("/kind").asText()).isEqualTo("Status");
    assertThat(deleted.at("/status").asText()).isEqualTo("Success");
    http.post(RO, rollout("a7b"));
    assertThat(http.delete(RO + "/a7b").at("/status").asText()).isEqualTo("Success");

    var missing = http.get(CM + "/nope");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.message()).isEqualTo("configmaps \"nope\" not found");
    assertThat(missing.at("/details/kind").asText()).isEqualTo("configmaps");
    assertThat(http.delete(CM + "/nope").message()).isEqualTo("configmaps \"nope\" not found");
  }

  @Test
  void dryRunStoresNothing() {
    var response = http.post(CM + "?dryRun=All", configMap("a9"));
    assertThat(response.code()).isEqualTo(201);
    assertThat(http.get(CM + "/a9").code()).isEqualTo(404);
  }

  @Test
  void resourceVersionsIncreaseAcrossKinds() {
    List<Long> versions = new ArrayList<>();
    versions.add(http.post(CM, configMap("r1a")).at("/metadata/resourceVersion").asLong());
    versions.add(http.post(RO, rollout("r1b")).at("/metadata/resourceVersion").asLong());
    versions.add(http.post(CM, configMap("r1c")).at("/metadata/resourceVersion").asLong());
    assertThat(versions).isSorted().doesNotHaveDuplicates();
    assertThat(http.get(CM).at("/metadata/resourceVersion").asLong()).isGreaterThanOrEqualTo(versions.get(2));
  }

  @Test
  void optimisticConcurrencyAnswersAsTheRealServer() {
    JsonNode created = http.post(RO, rollout("rv1")).body();
    String staleRv = created.at("/metadata/resourceVersion").asText();
    http.merge(RO + "/rv1", "{\"spec\":{\"canaryWeight\":2}}");
    String stale = created.toString();

    var put = http.put(RO + "/rv1", stale);
    assertThat(put.code()).isEqualTo(409);
    assertThat(put.reason()).isEqualTo("Conflict");
    assertThat(put.message()).isEqualTo("Operation cannot be fulfilled on rollouts.spike.example.com \"rv1\": "
        + "the object has been modified; please apply your changes to the latest version and try again");

    var status = http.put(RO + "/rv1/status", stale);
    assertThat(status.code()).isEqualTo(409);

    var merge = http.merge(RO + "/rv1", "{\"metadata\":{\"resourceVersion\":\"" + staleRv + "\"},\"spec\":{\"canaryWeight\":3}}");
    assertThat(merge.code()).isEqualTo(409);

    var failedTest = http.jsonPatch(RO + "/rv1", "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\""
        + staleRv + "\"},{\"op\":\"replace\",\"path\":\"/spec/canaryWeight\",\"value\":3}]");
    assertThat(failedTest.code()).isEqualTo(422);
    assertThat(failedTest.reason()).isEqualTo("Invalid");
    assertThat(failedTest.message()).isEqualTo("the server rejected our request due to an error in our request");

    String currentRv = http.get(RO + "/rv1").at("/metadata/resourceVersion").asText();
    var passedTest = http.jsonPatch(RO + "/rv1", "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\""
        + currentRv + "\"},{\"op\":\"replace\",\"path\":\"/spec/canaryWeight\",\"value\":3}]");
    assertThat(passedTest.code()).isEqualTo(200);
    assertThat(passedTest.at("/spec/canaryWeight").asInt()).isEqualTo(3);

    var replaceRv = http.jsonPatch(RO + "/rv1", "[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\""
        + staleRv + "\"},{\"op\":\"replace\",\"path\":\"/spec/canaryWeight\",\"value\":4}]");
    assertThat(replaceRv.code()).isEqualTo(409);

    var noRv = http.put(RO + "/rv1", rollout("rv1"));
    assertThat(noRv.code()).isEqualTo(422);
    assertThat(noRv.message()).isEqualTo("rollouts.spike.example.com \"rv1\" is invalid: metadata.resourceVersion: "
        + "Invalid value: 0x0: must be specified for an update");

    http.post(CM, configMap("r9b"));
    assertThat(http.put(CM + "/r9b", configMap("r9b")).code()).isEqualTo(200);
  }

  @Test
  void deletePreconditionsAreConflictsWithTheRealMessages() {
    JsonNode created = http.post(RO, rollout("pre1")).body();
    String rv = created.at("/metadata/resourceVersion").asText();
    http.merge(RO + "/pre1", "{\"spec\":{\"canaryWeight\":5}}");
    String current = http.get(RO + "/pre1").at("/metadata/resourceVersion").asText();
    var staleRv = http.delete(RO + "/pre1", "{\"preconditions\":{\"resourceVersion\":\"" + rv + "\"}}");
    assertThat(staleRv.code()).isEqualTo(409);
    assertThat(staleRv.message()).isEqualTo("Operation cannot be fulfilled on Rollout.spike.example.com \"pre1\": the "
        + "ResourceVersion in the precondition (" + rv + ") does not match the ResourceVersion in record (" + current
        + "). The object might have been modified");
    String uid = http.get(RO + "/pre1").at("/metadata/uid").asText();
    var otherUid = http.delete(RO + "/pre1", "{\"preconditions\":{\"uid\":\"00000000-1111-2222-3333-444444444444\"}}");
    assertThat(otherUid.message()).isEqualTo("Operation cannot be fulfilled on Rollout.spike.example.com \"pre1\": the UID "
        + "in the precondition (00000000-1111-2222-3333-444444444444) does not match the UID in record (" + uid
        + "). The object might have been deleted and then recreated");
    assertThat(http.get(RO + "/pre1").code()).isEqualTo(200);
  }

  @Test
  void creatingTwiceIsAlreadyExists() {
    http.post(RO, rollout("dup"));
    var again = http.post(RO, rollout("dup"));
    assertThat(again.code()).isEqualTo(409);
    assertThat(again.reason()).isEqualTo("AlreadyExists");
    assertThat(again.message()).isEqualTo("rollouts.spike.example.com \"dup\" already exists");
  }

  @Test
  void unsupportedPatchTypesAreUnsupportedMediaType() {
    http.post(RO, rollout("smp"));
    var strategic = http.patch(RO + "/smp", "application/strategic-merge-patch+json", "{\"spec\":{\"canaryWeight\":9}}");
    assertThat(strategic.code()).isEqualTo(415);
    assertThat(strategic.reason()).isEqualTo("UnsupportedMediaType");
    assertThat(strategic.message()).isEqualTo("the body of the request was in an unknown format - accepted media types "
        + "include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    assertThat(http.patch(RO + "/smp", "application/json", "[]").code()).isEqualTo(415);
  }

  @Test
  void unknownPathsAndMethodsAnswerWithStatus() {
    var unknown = http.get("/apis/nothing.example.com/v1/things");
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.at("/kind").asText()).isEqualTo("Status");
    assertThat(http.post(CM + "/x", configMap("x")).code()).isEqualTo(405);
  }
}
