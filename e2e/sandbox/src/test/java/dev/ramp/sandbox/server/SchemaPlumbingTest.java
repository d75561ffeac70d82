package dev.ramp.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.BuiltinTypes;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.TypeRegistry;
import dev.ramp.sandbox.store.Store;
import dev.ramp.sandbox.strategy.KindStrategy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the write path uses a custom resource's schema (pruning, strict field validation, validation on
 * create, update and /status), checked with a stand-in schema since the real one lives in ramp-api.
 */
class SchemaPlumbingTest {
  /** Prunes spec.bogus; rejects stepWeight > maxWeight and status.phase Bogus, as the CRD of X2/X8 would. */
  static final class FakeCanarySchema implements KindStrategy {
    final List<ObjectNode> seenOld = new ArrayList<>();

    @Override
    public List<String> pruneAndDefault(ObjectNode object) {
      ObjectNode spec = Json.child(object, "spec");
      if (!spec.has("maxWeight")) {
        spec.put("maxWeight", 100);
      }
      return spec.remove("bogus") == null ? List.of() : List.of("spec.bogus");
    }

    @Override
    public List<FieldError> validateCreate(ObjectNode object) {
      return validate(object);
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
      seenOld.add(old);
      return validate(object);
    }

    @Override
    public List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old) {
      return validate(object);
    }

    private static List<FieldError> validate(ObjectNode object) {
      List<FieldError> errors = new ArrayList<>();
      if (object.at("/spec/stepWeight").asInt() > object.at("/spec/maxWeight").asInt()) {
        errors.add(new FieldError("spec", "FieldValueInvalid",
            "spec: Invalid value: \"object\": stepWeight must not exceed maxWeight"));
      }
      if (object.at("/status/phase").asText().equals("Bogus")) {
        errors.add(new FieldError("phase", "FieldValueNotSupported",
            "phase: Unsupported value: \"Bogus\": supported values: \"Pending\", \"Progressing\", \"Healthy\", \"Degraded\""));
      }
      return errors;
    }
  }

  FakeCanarySchema schema;
  Resources resources;
  ResourceType canaries;

  @BeforeEach
  void setUp() {
    Store store = new Store(100);
    TypeRegistry registry = new TypeRegistry();
    List<ResourceType> builtins = BuiltinTypes.all(Clock.systemUTC());
    registry.registerBuiltin(builtins);
    builtins.forEach(type -> store.ensureCollection(type.collection()));
    schema = new FakeCanarySchema();
    canaries = ResourceType.builder("fidelity.example.com", "v1", "canaries", "Canary").custom().status()
        .collection("crd/canaries.fidelity.example.com")
        .generation(ResourceType.Generation.ALL_BUT_METADATA_AND_STATUS).strategy(schema).build();
    registry.registerCrd("canaries.fidelity.example.com", List.of(canaries));
    store.ensureCollection(canaries.collection());
    resources = new Resources(store, registry, Clock.systemUTC());
    ObjectNode namespace = Json.object();
    Json.metadata(namespace).put("name", "default");
    resources.create(registry.find("", "v1", "namespaces").orElseThrow(), "", namespace, WriteOptions.DEFAULT);
  }

  static ObjectNode canary(String name, int stepWeight, String extra) {
    return parse("""
        {"apiVersion":"fidelity.example.com/v1","kind":"Canary","metadata":{"name":"%s"},
         "spec":{"strategy":"canary","stepWeight":%d%s}}""".formatted(name, stepWeight, extra));
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void defaultsAreStoredAndPrunedFieldsWarn() {
    Result created = resources.create(canaries, "default", canary("can", 10, ",\"bogus\":true"), WriteOptions.DEFAULT);
    assertThat(created.body().at("/spec/maxWeight").asInt()).isEqualTo(100);
    assertThat(created.body().at("/spec").has("bogus")).isFalse();
    assertThat(created.warnings()).containsExactly("unknown field \"spec.bogus\"");
  }

  @Test
  void strictFieldValidationRefusesUnknownFields() {
    WriteOptions strict = new WriteOptions(false, WriteOptions.FieldValidation.STRICT, "", false);
    assertThatThrownBy(() -> resources.create(canaries, "default", canary("strict", 10, ",\"bogus\":true"), strict))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.reason()).isEqualTo("BadRequest");
          assertThat(e.getMessage()).isEqualTo("Canary in version \"v1\" cannot be handled as a Canary: strict decoding "
              + "error: unknown field \"spec.bogus\"");
        });
  }

  @Test
  void schemaErrorsAreInvalidWithCauses() {
    assertThatThrownBy(() -> resources.create(canaries, "default", canary("can-cel", 60, ",\"maxWeight\":50"),
        WriteOptions.DEFAULT)).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("Canary.fidelity.example.com \"can-cel\" is invalid: spec: Invalid value: "
              + "\"object\": stepWeight must not exceed maxWeight");
          ObjectNode status = e.status();
          assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec");
          assertThat(status.at("/details/causes/0/message").asText())
              .isEqualTo("Invalid value: \"object\": stepWeight must not exceed maxWeight");
          assertThat(status.at("/details/group").asText()).isEqualTo("fidelity.example.com");
          assertThat(status.at("/details/kind").asText()).isEqualTo("Canary");
        });
  }

  @Test
  void statusAndUpdatesAreValidatedAgainstTheOldObject() {
    resources.create(canaries, "default", canary("both", 10, ""), WriteOptions.DEFAULT);
    ObjectNode current = resources.get(canaries, "default", "both").deepCopy();
    current.putObject("status").put("phase", "Bogus");
    assertThatThrownBy(() -> resources.update(canaries, "default", "both", "status", current, WriteOptions.DEFAULT))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Canary.fidelity.example.com \"both\" is invalid: phase: Unsupported value: \"Bogus\": supported "
                + "values: \"Pending\", \"Progressing\", \"Healthy\", \"Degraded\""));
    ObjectNode patched = resources.get(canaries, "default", "both").deepCopy();
    ((ObjectNode) patched.get("spec")).put("stepWeight", 150);
    assertThatThrownBy(() -> resources.update(canaries, "default", "both", "", patched, WriteOptions.DEFAULT))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
    assertThat(schema.seenOld).isNotEmpty().allSatisfy(old -> assertThat(old.at("/spec/stepWeight").asInt()).isEqualTo(10));
  }
}
