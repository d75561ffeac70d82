package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedResourceTest {

  private static final StructuralSchema SCHEMA = Json.schema("""
      type: object
      properties:
        spec:
          type: object
          properties:
            templates:
              type: array
              items:
                type: object
                x-kubernetes-embedded-resource: true
                x-kubernetes-preserve-unknown-fields: true
      """);

  @Test
  void anEmbeddedObjectNeedsApiVersionAndKind() {
    assertThat(SCHEMA.validate(Json.object("spec: {templates: [{apiVersion: v1, kind: ConfigMap}, {data: {}}, {apiVersion: v1, kind: Config_Map}]}"), null))
        .extracting(FieldError::text)
        .containsExactly(
            "spec.templates[1].apiVersion: Required value: must not be empty",
            "spec.templates[1].kind: Required value: must not be empty",
            "spec.templates[2].kind: Invalid value: \"Config_Map\": may have mixed case, but should otherwise match: a"
                + " DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic"
                + " character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for"
                + " validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }
}
