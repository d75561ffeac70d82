package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The X rows of REAL-APISERVER.md: a real kube-apiserver v1.28.7's answers for the Canary kind. */
class RealServerAnswersTest {

  private final CustomResourceDefinition crd = Json.canaryCrd();
  private final StructuralSchema schema = Json.canary();

  private String create(ObjectNode object) {
    schema.pruneAndDefault(object);
    List<FieldError> errors = schema.validate(object, null);
    return errors.isEmpty() ? "created" : FieldError.invalidMessage(crd.qualifiedKind(), object.at("/metadata/name").asText(), errors);
  }

  @Test
  void x1_defaultsAreFilledIn() {
    ObjectNode canary = Json.canaryObject("can-ok", "{\"strategy\": \"canary\", \"stepWeight\": 10}");

    assertThat(create(canary)).isEqualTo("created");
    assertThat(canary.get("spec")).isEqualTo(Json.node("{\"maxWeight\":100,\"paused\":false,\"stepWeight\":10,\"strategy\":\"canary\"}"));
  }

  @Test
  void x2_celRuleViolated() {
    ObjectNode canary = Json.canaryObject("can-cel", "{\"strategy\": \"canary\", \"stepWeight\": 60, \"maxWeight\": 50}");

    assertThat(create(canary)).isEqualTo(
        "Canary.fidelity.example.com \"can-cel\" is invalid: spec: Invalid value: \"object\": stepWeight must not exceed maxWeight");
  }

  @Test
  void x3_maximumViolatedAndCelStillRuns() {
    ObjectNode canary = Json.canaryObject("can-max", "{\"strategy\": \"canary\", \"stepWeight\": 150}");

    assertThat(create(canary)).isEqualTo(
        "Canary.fidelity.example.com \"can-max\" is invalid: [spec.stepWeight: Invalid value: 150: spec.stepWeight in body"
            + " should be less than or equal to 100, spec: Invalid value: \"object\": stepWeight must not exceed maxWeight]");
  }

  @Test
  void x4_enumViolated() {
    ObjectNode canary = Json.canaryObject("can-enum", "{\"strategy\": \"linear\", \"stepWeight\": 10}");

    assertThat(create(canary)).isEqualTo(
        "Canary.fidelity.example.com \"can-enum\" is invalid: spec.strategy: Unsupported value: \"linear\": supported"
            + " values: \"canary\", \"blueGreen\"");
  }

  @Test
  void x5_wrongTypeSkipsCelRules() {
    ObjectNode canary = Json.canaryObject("can-type", "{\"strategy\": \"canary\", \"stepWeight\": \"10\"}");

    assertThat(create(canary)).isEqualTo(
        "Canary.fidelity.example.com \"can-type\" is invalid: [spec.stepWeight: Invalid value: \"string\": spec.stepWeight"
            + " in body must be of type integer: \"string\", <nil>: Invalid value: \"null\": some validation rules were"
            + " not checked because the object was invalid; correct the existing errors to complete validation]");
  }

  @Test
  void x6_unknownFieldIsPrunedAndReported() {
    ObjectNode canary = Json.canaryObject("can-bogus", "{\"strategy\": \"canary\", \"stepWeight\": 10, \"bogus\": true}");

    List<String> pruned = schema.pruneAndDefault(canary);

    assertThat(pruned).containsExactly("spec.bogus");
    assertThat(canary.at("/spec").has("bogus")).isFalse();
    assertThat(schema.validate(canary, null)).isEmpty();
  }

  @Test
  void x7_transitionRuleOnUpdate() {
    ObjectNode old = Json.canaryObject("can-ok", "{\"strategy\": \"canary\", \"stepWeight\": 10}");
    schema.pruneAndDefault(old);
    ObjectNode updated = old.deepCopy();
    ((ObjectNode) updated.get("spec")).put("strategy", "blueGreen");
    schema.pruneAndDefault(updated);

    List<FieldError> errors = schema.validate(updated, old);

    assertThat(FieldError.invalidMessage(crd.qualifiedKind(), "can-ok", errors)).isEqualTo(
        "Canary.fidelity.example.com \"can-ok\" is invalid: spec: Invalid value: \"object\": strategy is immutable");
    assertThat(schema.validate(updated, null)).as("on create there is nothing to transition from").isEmpty();
  }

  @Test
  void x8_statusSubresourceReportsPathsRelativeToStatus() {
    ObjectNode old = Json.canaryObject("can-ok", "{\"strategy\": \"canary\", \"stepWeight\": 10}");
    schema.pruneAndDefault(old);
    ObjectNode updated = old.deepCopy();
    updated.set("status", Json.node("{\"phase\": \"Bogus\"}"));
    schema.pruneAndDefault(updated);

    List<FieldError> errors = schema.validateStatus(updated, old);

    assertThat(FieldError.invalidMessage(crd.qualifiedKind(), "can-ok", errors)).isEqualTo(
        "Canary.fidelity.example.com \"can-ok\" is invalid: phase: Unsupported value: \"Bogus\": supported values:"
            + " \"Pending\", \"Progressing\", \"Healthy\", \"Degraded\"");
    assertThat(errors.get(0).field()).isEqualTo("phase");
    assertThat(errors.get(0).type()).isEqualTo("FieldValueNotSupported");
    assertThat(schema.validate(updated, old)).extracting(FieldError::field).containsExactly("status.phase");
  }

  @Test
  void x9_badNameOnlyThroughTheManifestCheck() {
    ObjectNode canary = Json.canaryObject("Bad_Name", "{\"strategy\": \"canary\", \"stepWeight\": 10}");

    ManifestCheck check = CustomResourceDefinitions.fromClasspath("validation/crds").check(canary).orElseThrow();

    assertThat(FieldError.invalidMessage(crd.qualifiedKind(), "Bad_Name", check.errors())).isEqualTo(
        "Canary.fidelity.example.com \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC"
            + " 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end"
            + " with an alphanumeric character (e.g. 'example.com', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }
}
