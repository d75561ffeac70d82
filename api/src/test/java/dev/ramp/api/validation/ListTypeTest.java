package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListTypeTest {

  private static final StructuralSchema SCHEMA = Json.schema("""
      type: object
      properties:
        spec:
          type: object
          properties:
            tags:
              type: array
              x-kubernetes-list-type: set
              items: {type: string}
            ports:
              type: array
              x-kubernetes-list-type: map
              x-kubernetes-list-map-keys: [name]
              items:
                type: object
                required: [name]
                properties:
                  name: {type: string}
                  port: {type: integer}
            routes:
              type: array
              x-kubernetes-list-type: map
              x-kubernetes-list-map-keys: [host, path]
              items:
                type: object
                required: [host, path]
                properties:
                  host: {type: string}
                  path: {type: string}
      """);

  @Test
  void aSetReportsTheSecondOccurrenceOfAnItem() {
    assertThat(SCHEMA.validate(Json.object("spec: {tags: [a, b, a, a]}"), null)).extracting(FieldError::text)
        .containsExactly("spec.tags[2]: Duplicate value: \"a\"");
  }

  @Test
  void aMapListReportsADuplicateKey() {
    assertThat(SCHEMA.validate(Json.object("spec: {ports: [{name: http, port: 80}, {name: http, port: 8080}]}"), null))
        .extracting(FieldError::text)
        .containsExactly("spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}");
    assertThat(SCHEMA.validate(Json.object("spec: {routes: [{host: a, path: /}, {host: a, path: /x}, {path: /, host: a}]}"), null))
        .extracting(FieldError::text)
        .containsExactly("spec.routes[2]: Duplicate value: map[string]interface {}{\"host\":\"a\", \"path\":\"/\"}");
  }

  @Test
  void distinctItemsAreFine() {
    assertThat(SCHEMA.validate(Json.object("spec: {tags: [a, b], ports: [{name: http}, {name: grpc}]}"), null)).isEmpty();
  }
}
