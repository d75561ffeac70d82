package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelRulesTest {

  private static List<String> errors(StructuralSchema schema, String object, String old) {
    ObjectNode o = Json.object(object);
    ObjectNode previous = old == null ? null : Json.object(old);
    schema.pruneAndDefault(o);
    return schema.validate(o, previous).stream().map(FieldError::text).toList();
  }

  private static StructuralSchema specWithRule(String properties, String rules) {
    return Json.schema("""
        type: object
        properties:
          spec:
            type: object
            properties:
        %s
            x-kubernetes-validations:
        %s
        """.formatted(properties.indent(6).stripTrailing(), rules.indent(4).stripTrailing()));
  }

  @Test
  void defaultMessageReasonsAndFieldPath() {
    StructuralSchema s = specWithRule("""
        min: {type: integer}
        max: {type: integer}
        name: {type: string}
        """, """
        - rule: self.min <= self.max
        - rule: self.name != 'admin'
          message: the name admin is reserved
          reason: FieldValueForbidden
          fieldPath: .name
        - rule: has(self.name)
          reason: FieldValueRequired
          message: name is required
        - rule: self.min != 13
          reason: FieldValueDuplicate
        """);

    assertThat(errors(s, "spec: {min: 13, max: 2, name: admin}", null)).containsExactly(
        "spec: Invalid value: \"object\": failed rule: self.min <= self.max",
        "spec.name: Forbidden: the name admin is reserved",
        "spec: Duplicate value: \"object\"");
    assertThat(errors(s, "spec: {min: 1, max: 2}", null)).as("a rule reading an absent field fails at runtime").containsExactly(
        "spec: Invalid value: \"object\": no such key: name evaluating rule: the name admin is reserved",
        "spec: Required value: name is required");
  }

  @Test
  void messageExpressionIsUsedAndFallsBackToTheMessage() {
    StructuralSchema s = specWithRule("""
        replicas: {type: integer}
        """, """
        - rule: self.replicas < 10
          messageExpression: "'replicas must be below 10, got ' + string(self.replicas)"
        - rule: self.replicas != 3
          message: three is unlucky
          messageExpression: "self.replicas == 3 ? '' : 'never'"
        """);

    assertThat(errors(s, "spec: {replicas: 12}", null))
        .containsExactly("spec: Invalid value: \"object\": replicas must be below 10, got 12");
    assertThat(errors(s, "spec: {replicas: 3}", null)).as("an empty messageExpression result falls back")
        .containsExactly("spec: Invalid value: \"object\": three is unlucky");
  }

  @Test
  void aRuleOnAScalarPrintsTheSchemaType() {
    StructuralSchema s = specWithRule("""
        weight:
          type: integer
          x-kubernetes-validations:
          - rule: self % 5 == 0
            message: must be a multiple of five
        """, "- rule: 'true'");

    assertThat(errors(s, "spec: {weight: 7}", null))
        .containsExactly("spec.weight: Invalid value: \"integer\": must be a multiple of five");
  }

  @Test
  void rulesInListsAndMapsCarryIndexAndKey() {
    StructuralSchema s = specWithRule("""
        steps:
          type: array
          items:
            type: object
            properties:
              setWeight: {type: integer}
            x-kubernetes-validations:
            - rule: self.setWeight > 0
              message: weight must be positive
        limits:
          type: object
          additionalProperties:
            type: integer
            x-kubernetes-validations:
            - rule: self < 100
        """, "- rule: 'true'");

    assertThat(errors(s, "spec: {steps: [{setWeight: 5}, {setWeight: 0}], limits: {cpu: 500}}", null)).containsExactly(
        "spec.steps[1]: Invalid value: \"object\": weight must be positive",
        "spec.limits[cpu]: Invalid value: \"integer\": failed rule: self < 100");
  }

  @Test
  void aRuleAtTheRootSeesApiVersionKindAndName() {
    StructuralSchema s = Json.schema("""
        type: object
        x-kubernetes-validations:
        - rule: self.metadata.name.startsWith('ramp-') && self.kind == 'Thing'
          message: names start with ramp-
        properties:
          spec: {type: object}
        """);

    assertThat(errors(s, "{kind: Thing, metadata: {name: ramp-a}, spec: {}}", null)).isEmpty();
    assertThat(errors(s, "{kind: Thing, metadata: {name: web}, spec: {}}", null))
        .containsExactly("<nil>: Invalid value: \"object\": names start with ramp-");
  }

  @Test
  void aRuntimeErrorIsAnInvalidLineNotAnException() {
    StructuralSchema s = specWithRule("""
        min: {type: integer}
        max: {type: integer}
        items: {type: array, items: {type: string}}
        """, """
        - rule: self.min <= self.max
          message: min must not exceed max
        - rule: self.items[3] != ''
        - rule: self.min / self.max >= 0
        """);

    assertThat(errors(s, "spec: {min: 1, items: []}", null)).containsExactly(
        "spec: Invalid value: \"object\": no such key: max evaluating rule: min must not exceed max",
        "spec: Invalid value: \"object\": index out of bounds: 3 evaluating rule: self.items[3] != ''",
        "spec: Invalid value: \"object\": no such key: max evaluating rule: self.min / self.max >= 0");
    assertThat(errors(s, "spec: {min: 1, max: 0, items: [a, b, c, d]}", null)).containsExactly(
        "spec: Invalid value: \"object\": min must not exceed max",
        "spec: Invalid value: \"object\": division by zero evaluating rule: self.min / self.max >= 0");
  }

  @Test
  void intOrStringIsDynamic() {
    StructuralSchema s = specWithRule("""
        maxSurge:
          x-kubernetes-int-or-string: true
          x-kubernetes-validations:
          - rule: "type(self) == int ? self >= 0 : self.endsWith('%')"
            message: a count or a percentage
        """, "- rule: 'true'");

    assertThat(errors(s, "spec: {maxSurge: 2}", null)).isEmpty();
    assertThat(errors(s, "spec: {maxSurge: 25%}", null)).isEmpty();
    assertThat(errors(s, "spec: {maxSurge: -1}", null))
        .containsExactly("spec.maxSurge: Invalid value: \"\": a count or a percentage");
    assertThat(errors(s, "spec: {maxSurge: half}", null))
        .containsExactly("spec.maxSurge: Invalid value: \"\": a count or a percentage");
  }

  @Test
  void transitionRulesNeedAnOldValueUnlessOptionalOldSelf() {
    StructuralSchema s = specWithRule("""
        generation: {type: integer}
        """, """
        - rule: self.generation >= oldSelf.generation
          message: generation must not go back
        - rule: "oldSelf.hasValue() || self.generation == 1"
          optionalOldSelf: true
          message: a new object starts at generation 1
        """);

    assertThat(errors(s, "spec: {generation: 2}", null)).containsExactly(
        "spec: Invalid value: \"object\": a new object starts at generation 1");
    assertThat(errors(s, "spec: {generation: 1}", null)).isEmpty();
    assertThat(errors(s, "spec: {generation: 1}", "spec: {generation: 2}")).containsExactly(
        "spec: Invalid value: \"object\": generation must not go back");
  }

  @Test
  void transitionRulesInMapListsCorrelateItemsByKey() {
    StructuralSchema s = specWithRule("""
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
            x-kubernetes-validations:
            - rule: self.port == oldSelf.port
              message: port is immutable
        """, "- rule: 'true'");

    assertThat(errors(s, "spec: {ports: [{name: grpc, port: 9}, {name: http, port: 81}]}",
        "spec: {ports: [{name: http, port: 80}]}")).containsExactly("spec.ports[1]: Invalid value: \"object\": port is immutable");
  }

  @Test
  void librariesKubernetesUsersRelyOn() {
    StructuralSchema s = specWithRule("""
        weights: {type: array, items: {type: integer}}
        host: {type: string}
        since: {type: string, format: date-time}
        every: {type: string, format: duration}
        labels: {type: object, additionalProperties: {type: string}}
        """, """
        - rule: self.weights.isSorted() && self.weights.sum() == 60 && self.weights.max() == 30 && self.weights.indexOf(20) == 1
          message: lists
        - rule: self.host.matches('^[a-z.]+$') && self.host.split('.').size() == 3 && self.host.find('[a-z]+') == 'www'
          message: strings
        - rule: self.since < timestamp('2030-01-01T00:00:00Z') && self.every > duration('1m')
          message: time
        - rule: self.labels.all(k, k.startsWith('app')) && self.weights.exists_one(w, w == 10) && self.weights.map(w, w * 2).filter(w, w > 30).size() == 2
          message: macros
        - rule: "sets.contains(self.weights, [10, 20]) && !has(self.missing)"
          message: sets
        """.replace("!has(self.missing)", "has(self.host)"));

    assertThat(errors(s, """
        spec: {weights: [10, 20, 30], host: www.example.com, since: "2024-01-01T00:00:00Z", every: 5m,
               labels: {app: web, appTier: front}}
        """, null)).isEmpty();
    assertThat(errors(s, """
        spec: {weights: [30, 20, 10], host: www.example.com, since: "2031-01-01T00:00:00Z", every: 30s,
               labels: {app: web, tier: front}}
        """, null)).containsExactly(
        "spec: Invalid value: \"object\": lists",
        "spec: Invalid value: \"object\": time",
        "spec: Invalid value: \"object\": macros");
  }

  @Test
  void propertyNamesAreEscapedLikeTheServerDoes() {
    StructuralSchema s = specWithRule("""
        max-surge: {type: integer}
        namespace: {type: string}
        "app.kubernetes.io/name": {type: string}
        """, """
        - rule: self.max__dash__surge < 5 && self.__namespace__ == 'x' && self.app__dot__kubernetes__dot__io__slash__name == 'y'
        """);

    assertThat(errors(s, "spec: {max-surge: 1, namespace: x, app.kubernetes.io/name: y}", null)).isEmpty();
  }

  @Test
  void aRuleThatDoesNotCompileNamesTheRuleAndWhereItIs() {
    assertThatThrownBy(() -> specWithRule("""
        stepWeight: {type: integer}
        """, """
        - rule: self.stepWieght > 0
        - rule: self.stepWeight
        - rule: "self.stepWeight > 0"
          messageExpression: "'weight ' + self.stepWeight"
        """))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value:"
            + " \"self.stepWieght > 0\": compilation failed: ERROR: <input>:1:5: undefined field 'stepWieght'")
        .hasMessageContaining("openAPIV3Schema.properties[spec].x-kubernetes-validations[1].rule: Invalid value:"
            + " \"self.stepWeight\": cel expression must evaluate to a bool")
        .hasMessageContaining("openAPIV3Schema.properties[spec].x-kubernetes-validations[2].messageExpression:"
            + " Invalid value: \"'weight ' + self.stepWeight\": messageExpression compilation failed: ERROR:")
        .hasMessageContaining("3 problems");
  }

  @Test
  void aFieldPathMustReferToAField() {
    assertThatThrownBy(() -> specWithRule("a: {type: string}", """
        - rule: "true"
          fieldPath: .b
        """))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("x-kubernetes-validations[0].fieldPath: Invalid value: \".b\": fieldPath must be a valid"
            + " path: does not refer to a valid field");
  }
}
