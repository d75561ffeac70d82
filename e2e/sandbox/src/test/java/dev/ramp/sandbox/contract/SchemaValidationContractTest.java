package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.canary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.Resource;
import org.junit.jupiter.api.DisplayName;

/**
 * Rows X*: a custom resource checked against its CRD (contract/canary-crd.yaml): defaults, bounds, enum,
 * types, pruning of unknown fields, strict field validation, CEL rules (one a transition rule), the status
 * schema, the name.
 */
class SchemaValidationContractTest {
  private static final Resource C = Resource.CANARIES;

  private static String invalid(String name) {
    return "Canary.contract.ramp.dev \"" + name + "\" is invalid: ";
  }

  @ContractTest
  @DisplayName("X1: a valid Canary is created with the schema's defaults filled in (maxWeight 100, paused false)")
  void x1(Contract c) {
    Answer answer = c.create(C, canary("can-ok", "canary", 10));
    Expect.ok(answer, 201, "Canary");
    assertThat(answer.at("/spec"))
        .isEqualTo(Json.object("{'maxWeight':100,'paused':false,'stepWeight':10,'strategy':'canary'}"));
  }

  @ContractTest
  @DisplayName("X2: a violated CEL rule (stepWeight 60 > maxWeight 50) is 422 with the rule's message")
  void x2(Contract c) {
    ObjectNode object = canary("can-cel", "canary", 60);
    object.withObjectProperty("spec").put("maxWeight", 50);
    Expect.failure(
        c.create(C, object), 422, "Invalid", invalid("can-cel") + "spec: Invalid value: \"object\": stepWeight must not exceed maxWeight");
  }

  @ContractTest
  @DisplayName("X3: an OpenAPI maximum violated (stepWeight 150) is 422 listing the bound and the CEL rule")
  void x3(Contract c) {
    Expect.failure(
        c.create(C, canary("can-max", "canary", 150)),
        422,
        "Invalid",
        invalid("can-max")
            + "[spec.stepWeight: Invalid value: 150: spec.stepWeight in body should be less than or equal to 100,"
            + " spec: Invalid value: \"object\": stepWeight must not exceed maxWeight]");
  }

  @ContractTest
  @DisplayName("X4: an enum violated (strategy linear) is 422 Unsupported value listing the supported ones")
  void x4(Contract c) {
    Expect.failure(
        c.create(C, canary("can-enum", "linear", 10)),
        422,
        "Invalid",
        invalid("can-enum") + "spec.strategy: Unsupported value: \"linear\": supported values: \"canary\", \"blueGreen\"");
  }

  @ContractTest
  @DisplayName("X5: a wrong type (stepWeight \"10\") is 422; the CEL rules are reported as not checked")
  void x5(Contract c) {
    ObjectNode object = canary("can-type", "canary", 0);
    object.withObjectProperty("spec").put("stepWeight", "10");
    Expect.failure(
        c.create(C, object),
        422,
        "Invalid",
        invalid("can-type")
            + "[spec.stepWeight: Invalid value: \"string\": spec.stepWeight in body must be of type integer: \"string\","
            + " <nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid;"
            + " correct the existing errors to complete validation]");
  }

  @ContractTest
  @DisplayName("X6: an unknown field is pruned on create (201) with a Warning: 299 header naming it")
  void x6(Contract c) {
    ObjectNode object = canary("can-bogus", "canary", 10);
    object.withObjectProperty("spec").put("bogus", true);
    Answer answer = c.create(C, object);
    Expect.ok(answer, 201, "Canary");
    assertThat(answer.warnings()).containsExactly("299 - \"unknown field \\\"spec.bogus\\\"\"");
    assertThat(answer.json().path("spec").has("bogus")).isFalse();
    assertThat(c.get(C, "can-bogus").json().path("spec").has("bogus")).isFalse();
  }

  @ContractTest
  @DisplayName("X6b: an unknown field with fieldValidation=Strict is 400 BadRequest, strict decoding error")
  void x6b(Contract c) {
    ObjectNode object = canary("can-strict", "canary", 10);
    object.withObjectProperty("spec").put("bogus", true);
    Expect.failure(
        c.create(C, object, "fieldValidation", "Strict"),
        400,
        "BadRequest",
        "Canary in version \"v1\" cannot be handled as a Canary: strict decoding error: unknown field \"spec.bogus\"");
  }

  @ContractTest
  @DisplayName("X7: a CEL transition rule (strategy is immutable) rejects canary -> blueGreen with 422")
  void x7(Contract c) {
    c.created(C, canary("can-immutable", "canary", 10));
    Expect.failure(
        c.merge(C, "can-immutable", "{'spec':{'strategy':'blueGreen'}}"),
        422,
        "Invalid",
        invalid("can-immutable") + "spec: Invalid value: \"object\": strategy is immutable");
  }

  @ContractTest
  @DisplayName("X8: the status schema is enforced on /status: phase Bogus is 422 Unsupported value")
  void x8(Contract c) {
    c.created(C, canary("can-status", "canary", 10));
    Expect.failure(
        c.mergeStatus(C, "can-status", "{'status':{'phase':'Bogus'}}"),
        422,
        "Invalid",
        invalid("can-status")
            + "phase: Unsupported value: \"Bogus\": supported values: \"Pending\", \"Progressing\", \"Healthy\", \"Degraded\"");
  }

  @ContractTest
  @DisplayName("X9: a custom resource named Bad_Name is 422 Invalid")
  void x9(Contract c) {
    Expect.failure(
        c.create(C, canary("Bad_Name", "canary", 10)),
        422,
        "Invalid",
        invalid("Bad_Name")
            + "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case"
            + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
            + " 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }
}
