package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningAndDefaultingTest {

  private static final String SCHEMA = """
      type: object
      properties:
        spec:
          type: object
          properties:
            steps:
              type: array
              items:
                type: object
                properties:
                  setWeight: {type: integer}
                  pause:
                    type: object
                    default: {}
                    properties:
                      duration: {type: string, default: "30s"}
            labels:
              type: object
              additionalProperties: {type: string}
            limits:
              type: object
              additionalProperties:
                type: object
                properties:
                  max: {type: integer, default: 10}
            plugin:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                name: {type: string}
                settings:
                  type: object
                  properties:
                    level: {type: integer}
            template:
              type: object
              x-kubernetes-embedded-resource: true
              properties:
                spec:
                  type: object
                  properties:
                    replicas: {type: integer}
            note:
              type: string
              nullable: true
              default: "none"
            count:
              type: integer
            mode:
              type: string
              default: auto
      """;

  private final StructuralSchema schema = Json.schema(SCHEMA);

  @Test
  void unknownFieldsArePrunedAtEveryDepthAndReportedWithTheirPaths() {
    ObjectNode o = Json.object("""
        apiVersion: example.com/v1
        kind: Thing
        metadata: {name: t, labels: {a: b}, whatever: kept}
        spec:
          bogus: 1
          steps:
          - setWeight: 10
            extra: x
        status: {phase: X}
        """);

    List<String> pruned = schema.pruneAndDefault(o);

    assertThat(pruned).containsExactlyInAnyOrder("spec.bogus", "spec.steps[0].extra", "status");
    assertThat(o.at("/spec/steps/0").has("extra")).isFalse();
    assertThat(o.has("status")).isFalse();
    assertThat(o.get("metadata")).isEqualTo(Json.node("{name: t, labels: {a: b}, whatever: kept}"));
    assertThat(o.get("apiVersion").asText()).isEqualTo("example.com/v1");
  }

  @Test
  void preserveUnknownFieldsKeepsEverythingButStillPrunesUnderDeclaredProperties() {
    ObjectNode o = Json.object("""
        spec:
          plugin:
            name: istio
            anything: {deep: [1, 2]}
            settings: {level: 3, unknown: dropped}
        """);

    List<String> pruned = schema.pruneAndDefault(o);

    assertThat(pruned).containsExactly("spec.plugin.settings.unknown");
    assertThat(o.at("/spec/plugin/anything")).isEqualTo(Json.node("{deep: [1, 2]}"));
  }

  @Test
  void embeddedResourcesKeepApiVersionKindAndMetadata() {
    ObjectNode o = Json.object("""
        spec:
          template:
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: 2, paused: true}
        """);

    List<String> pruned = schema.pruneAndDefault(o);

    assertThat(pruned).containsExactly("spec.template.spec.paused");
    assertThat(o.at("/spec/template/kind").asText()).isEqualTo("Deployment");
    assertThat(o.at("/spec/template/metadata/name").asText()).isEqualTo("web");
  }

  @Test
  void mapsKeepAnyKeyAndPruneInsideTheirValues() {
    ObjectNode o = Json.object("""
        spec:
          labels: {app: web, tier: front}
          limits:
            cpu: {max: 4, burst: 9}
        """);

    List<String> pruned = schema.pruneAndDefault(o);

    assertThat(pruned).containsExactly("spec.limits.cpu.burst");
    assertThat(o.at("/spec/labels")).isEqualTo(Json.node("{app: web, tier: front}"));
  }

  @Test
  void defaultsApplyInsideListItemsAndMapValuesAndAreThemselvesDefaulted() {
    ObjectNode o = Json.object("""
        spec:
          steps:
          - setWeight: 10
          - pause: {duration: 5m}
          - pause: {}
          limits:
            cpu: {}
            mem: {max: 2}
        """);

    schema.pruneAndDefault(o);

    assertThat(o.at("/spec/steps")).isEqualTo(Json.node("""
        - {setWeight: 10, pause: {duration: 30s}}
        - pause: {duration: 5m}
        - pause: {duration: 30s}
        """));
    assertThat(o.at("/spec/limits")).isEqualTo(Json.node("{cpu: {max: 10}, mem: {max: 2}}"));
    assertThat(o.at("/spec/mode").asText()).isEqualTo("auto");
  }

  @Test
  void nullsOfNonNullableFieldsAreDefaultedOrDropped() {
    ObjectNode o = Json.object("spec: {mode: null, count: null, note: null}");

    schema.pruneAndDefault(o);

    assertThat(o.at("/spec/mode").asText()).as("defaulted").isEqualTo("auto");
    assertThat(o.at("/spec").has("count")).as("no default: dropped").isFalse();
    assertThat(o.at("/spec/note").isNull()).as("nullable: kept").isTrue();
    assertThat(schema.validate(o, null)).isEmpty();
  }

  @Test
  void anObjectWithoutPropertiesOrPreserveUnknownFieldsLosesAllItsFields() {
    StructuralSchema s = Json.schema("""
        type: object
        properties:
          spec: {type: object}
        """);
    ObjectNode o = Json.object("spec: {a: 1, b: {c: 2}}");

    assertThat(s.pruneAndDefault(o)).containsExactlyInAnyOrder("spec.a", "spec.b");
    assertThat(o.get("spec")).isEqualTo(Json.node("{}"));
  }

  @Test
  void aForeignCrdThatPreservesEverythingKeepsEverything() {
    StructuralSchema virtualService = Json.schema("""
        type: object
        x-kubernetes-preserve-unknown-fields: true
        properties:
          spec:
            type: object
            x-kubernetes-preserve-unknown-fields: true
          status:
            type: object
            x-kubernetes-preserve-unknown-fields: true
        """);
    ObjectNode vs = Json.object("""
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata: {name: web}
        spec:
          hosts: [web]
          http:
          - match: [{headers: {canary: {exact: "true"}}}]
            route:
            - {destination: {host: web-stable}, weight: 80}
            - {destination: {host: web-canary}, weight: 20}
        """);
    ObjectNode before = vs.deepCopy();

    assertThat(virtualService.pruneAndDefault(vs)).isEmpty();
    assertThat(vs).isEqualTo(before);
    assertThat(virtualService.validate(vs, null)).isEmpty();
  }
}
