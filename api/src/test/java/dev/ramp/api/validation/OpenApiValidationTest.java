package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI checks, each with the text kube-apiserver prints for it. */
class OpenApiValidationTest {

  private static final StructuralSchema SCHEMA = Json.schema("""
      type: object
      properties:
        spec:
          type: object
          required: [name]
          properties:
            name: {type: string, minLength: 3, maxLength: 8, pattern: '^[a-z]+$'}
            ratio: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true}
            step: {type: integer, multipleOf: 5}
            since: {type: string, format: date-time}
            window: {type: string, format: duration}
            hosts:
              type: array
              minItems: 1
              maxItems: 2
              items: {type: string}
            selector:
              type: object
              minProperties: 1
              maxProperties: 2
              additionalProperties: {type: string, maxLength: 3}
            comment: {type: string, nullable: true}
            count: {type: integer}
            port:
              x-kubernetes-int-or-string: true
            steps:
              type: array
              items:
                type: object
                required: [setWeight]
                properties:
                  setWeight: {type: integer, maximum: 100}
      """);

  private static List<String> errors(String spec) {
    ObjectNode o = Json.object("{\"spec\": " + spec + "}");
    SCHEMA.pruneAndDefault(o);
    return SCHEMA.validate(o, null).stream().map(FieldError::text).toList();
  }

  @Test
  void aValidObjectHasNoErrors() {
    assertThat(errors("""
        {"name": "web", "ratio": 0.5, "step": 10, "since": "2024-05-01T10:00:00Z", "window": "1h30m",
         "hosts": ["a"], "selector": {"app": "web"}, "comment": null, "port": "http", "steps": [{"setWeight": 20}]}
        """)).isEmpty();
    assertThat(errors("{\"name\": \"web\", \"port\": 8080}")).isEmpty();
  }

  @Test
  void requiredFields() {
    assertThat(errors("{}")).containsExactly("spec.name: Required value");
    assertThat(errors("{\"name\": \"web\", \"steps\": [{}]}")).containsExactly("spec.steps[0].setWeight: Required value");
  }

  @Test
  void stringLengthAndPattern() {
    assertThat(errors("{\"name\": \"waytoolongname\"}")).containsExactly("spec.name: Too long: may not be longer than 8");
    assertThat(errors("{\"name\": \"ab\"}"))
        .containsExactly("spec.name: Invalid value: \"ab\": spec.name in body should be at least 3 chars long");
    assertThat(errors("{\"name\": \"Web1\"}"))
        .containsExactly("spec.name: Invalid value: \"Web1\": spec.name in body should match '^[a-z]+$'");
  }

  @Test
  void numericBounds() {
    assertThat(errors("{\"name\": \"web\", \"ratio\": 1}"))
        .containsExactly("spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1");
    assertThat(errors("{\"name\": \"web\", \"ratio\": 0.0}"))
        .containsExactly("spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0");
    assertThat(errors("{\"name\": \"web\", \"ratio\": 1.5}"))
        .containsExactly("spec.ratio: Invalid value: 1.5: spec.ratio in body should be less than 1");
    assertThat(errors("{\"name\": \"web\", \"step\": 7}"))
        .containsExactly("spec.step: Invalid value: 7: spec.step in body should be a multiple of 5");
    assertThat(errors("{\"name\": \"web\", \"steps\": [{\"setWeight\": 20}, {\"setWeight\": 120}]}"))
        .containsExactly("spec.steps[1].setWeight: Invalid value: 120: spec.steps[1].setWeight in body should be less"
            + " than or equal to 100");
  }

  @Test
  void types() {
    assertThat(errors("{\"name\": 5}")).as("no CEL rules here, so no line about skipped rules").containsExactly(
        "spec.name: Invalid value: \"integer\": spec.name in body must be of type string: \"integer\"");
    assertThat(errors("{\"name\": \"web\", \"count\": 1.5}"))
        .containsExactly("spec.count: Invalid value: \"number\": spec.count in body must be of type integer: \"number\"");
    assertThat(errors("{\"name\": \"web\", \"count\": 2.0}")).as("a whole float is an integer").isEmpty();
    assertThat(errors("{\"name\": \"web\", \"hosts\": \"a\"}"))
        .containsExactly("spec.hosts: Invalid value: \"string\": spec.hosts in body must be of type array: \"string\"");
  }

  @Test
  void intOrString() {
    assertThat(errors("{\"name\": \"web\", \"port\": true}")).containsExactly(
        "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"");
  }

  @Test
  void nullable() {
    ObjectNode o = Json.object("{\"spec\": {\"name\": \"web\", \"hosts\": [null]}}");
    assertThat(SCHEMA.validate(o, null)).extracting(FieldError::text)
        .containsExactly("spec.hosts[0]: Invalid value: \"null\": spec.hosts[0] in body must be of type string: \"null\"");
  }

  @Test
  void formats() {
    assertThat(errors("{\"name\": \"web\", \"since\": \"yesterday\"}")).containsExactly(
        "spec.since: Invalid value: \"yesterday\": spec.since in body must be of type date-time: \"yesterday\"");
    assertThat(errors("{\"name\": \"web\", \"window\": \"soon\"}")).containsExactly(
        "spec.window: Invalid value: \"soon\": spec.window in body must be of type duration: \"soon\"");
  }

  @Test
  void listSizes() {
    assertThat(errors("{\"name\": \"web\", \"hosts\": []}"))
        .containsExactly("spec.hosts: Invalid value: 0: spec.hosts in body should have at least 1 items");
    assertThat(errors("{\"name\": \"web\", \"hosts\": [\"a\", \"b\", \"c\"]}"))
        .containsExactly("spec.hosts: Too many: 3: must have at most 2 items");
  }

  @Test
  void mapsPrintTheirKeysWithADot() {
    assertThat(errors("{\"name\": \"web\", \"selector\": {}}"))
        .containsExactly("spec.selector: Invalid value: 1: spec.selector in body should have at least 1 properties");
    assertThat(errors("{\"name\": \"web\", \"selector\": {\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}}"))
        .containsExactly("spec.selector: Too many: 3: must have at most 2 items");
    assertThat(errors("{\"name\": \"web\", \"selector\": {\"app\": \"frontend\"}}"))
        .containsExactly("spec.selector.app: Too long: may not be longer than 3");
  }

  @Test
  void anyOfOneOfAndNot() {
    StructuralSchema s = Json.schema("""
        type: object
        properties:
          spec:
            type: object
            properties:
              a: {type: string}
              b: {type: string}
            oneOf:
            - required: [a]
            - required: [b]
            not:
              required: [a, b]
        """);
    ObjectNode neither = Json.object("spec: {}");
    ObjectNode both = Json.object("spec: {a: x, b: y}");

    assertThat(s.validate(neither, null)).extracting(FieldError::text).containsExactly(
        "<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found none valid",
        "spec.a: Required value");
    assertThat(s.validate(both, null)).extracting(FieldError::text).containsExactly(
        "<nil>: Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives",
        "<nil>: Invalid value: \"\": \"spec\" must not validate the schema (not)");
  }
}
