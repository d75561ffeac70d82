package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Schemas a real server refuses in a CRD are refused here too, with every problem listed. */
class SchemaCompileTest {

  @Test
  void notStructural() {
    assertThatThrownBy(() -> Json.schema("""
        type: object
        properties:
          spec:
            properties:
              tags: {type: array, uniqueItems: true, items: {type: string}}
              ref: {$ref: "#/definitions/x"}
              map:
                type: object
                additionalProperties: false
        """))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields")
        .hasMessageContaining("openAPIV3Schema.properties[spec].properties[tags].uniqueItems: Forbidden: uniqueItems cannot be"
            + " set to true since the runtime complexity becomes quadratic")
        .hasMessageContaining("openAPIV3Schema.properties[spec].properties[ref].$ref: Forbidden: $ref is not supported")
        .hasMessageContaining("openAPIV3Schema.properties[spec].properties[map].additionalProperties: Forbidden:"
            + " additionalProperties cannot be set to false");
  }

  @Test
  void defaultsMustValidateAndBePruned() {
    assertThatThrownBy(() -> Json.schema("""
        type: object
        properties:
          spec:
            type: object
            properties:
              weight: {type: integer, maximum: 100, default: 150}
              pause:
                type: object
                default: {duration: 1m}
                properties: {}
        """))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("openAPIV3Schema.properties[spec].properties[weight].default: Invalid value: 150: in body"
            + " should be less than or equal to 100")
        .hasMessageContaining("openAPIV3Schema.properties[spec].properties[pause].default: Invalid value:"
            + " {\"duration\":\"1m\"}: must not have unknown fields: duration");
  }

  @Test
  void listMapsNeedKeysThatItemsAlwaysHave() {
    assertThatThrownBy(() -> Json.schema("""
        type: object
        properties:
          ports:
            type: array
            x-kubernetes-list-type: map
            x-kubernetes-list-map-keys: [name]
            items:
              type: object
              properties:
                name: {type: string}
        """))
        .hasMessageContaining("openAPIV3Schema.properties[ports].items.properties[name]: Invalid value: must be required"
            + " or have a default to be a list map key");
  }

  @Test
  void aPatternMustBeARegularExpression() {
    assertThatThrownBy(() -> Json.schema("""
        type: object
        properties:
          name: {type: string, pattern: "[a-z"}
        """))
        .hasMessageContaining("openAPIV3Schema.properties[name].pattern: Invalid value: \"[a-z\": must be a valid regular"
            + " expression, but isn't:");
  }

  @Test
  void preserveUnknownFieldsAndIntOrStringNeedNoType() {
    assertThatCode(() -> Json.schema("""
        type: object
        properties:
          anything: {x-kubernetes-preserve-unknown-fields: true}
          port: {x-kubernetes-int-or-string: true}
        """)).doesNotThrowAnyException();
  }
}
