package dev.ramp.api.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampKind;
import dev.ramp.api.json.Manifests;
import dev.ramp.api.validation.StructuralSchema;
import io.kubernetes.client.custom.IntOrString;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CRDs in {@code crds/} and the Java records describe the same objects: the same fields with
 * the same types, enums and defaults. So what the API server stores (pruned and defaulted by the
 * CRD) reads into the records and writes back unchanged.
 */
class CrdSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Short names of Argo Rollouts (ro, at, cat, ar, exp) and of built-in kinds, which Ramp must not take. */
  private static final Set<String> TAKEN_SHORT_NAMES = Set.of("ro", "at", "cat", "ar", "exp", "po", "svc", "deploy",
      "rs", "ds", "sts", "cm", "ns", "no", "pv", "pvc", "sa", "ep", "ing", "hpa", "pdb", "pc", "sc", "crd", "crds",
      "csr", "ev", "limits", "quota", "rc", "cj", "netpol", "cs", "vs", "dr", "gw", "se");

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void describesTheKindUnderRampsGroup(RampKind kind) {
    ObjectNode crd = Crds.crd(kind);

    assertThat(crd.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.at("/metadata/name").asText()).isEqualTo(kind.crdName());
    assertThat(crd.at("/spec/group").asText()).isEqualTo(RampApi.GROUP);
    assertThat(crd.at("/spec/names/kind").asText()).isEqualTo(kind.kind());
    assertThat(crd.at("/spec/names/listKind").asText()).isEqualTo(kind.listKind());
    assertThat(crd.at("/spec/names/plural").asText()).isEqualTo(kind.plural());
    assertThat(crd.at("/spec/scope").asText()).isEqualTo(kind.namespaced() ? "Namespaced" : "Cluster");
    assertThat(crd.at("/spec/names/categories").toString()).contains("\"ramp\"");
    JsonNode versions = crd.at("/spec/versions");
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0).path("name").asText()).isEqualTo(RampApi.VERSION);
    assertThat(versions.get(0).path("served").asBoolean()).isTrue();
    assertThat(versions.get(0).path("storage").asBoolean()).isTrue();
    for (JsonNode shortName : crd.at("/spec/names/shortNames")) {
      assertThat(TAKEN_SHORT_NAMES).as("short name %s of %s", shortName.asText(), kind).doesNotContain(shortName.asText());
    }
  }

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void isAStructuralSchemaWhoseRulesCompile(RampKind kind) {
    assertThatCode(() -> StructuralSchema.compile(Crds.openApiV3Schema(kind))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void everyRuleSaysWhatToDo(RampKind kind) {
    List<String> problems = new ArrayList<>();
    forEachNode(Crds.openApiV3Schema(kind), "openAPIV3Schema", (path, node) -> {
      for (JsonNode rule : node.path("x-kubernetes-validations")) {
        if (rule.path("message").asText().isBlank()) {
          problems.add(path + ": rule " + rule.path("rule").asText() + " has no message");
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void describesTheFieldsUsersWrite(RampKind kind) {
    ObjectNode schema = Crds.openApiV3Schema(kind);
    List<String> undocumented = new ArrayList<>();
    forEachNode(schema.path("properties").path("spec"), "spec", (path, node) -> {
      // the pod template's and the label selector's own fields are Kubernetes', documented there
      if (path.startsWith("spec.template.") || path.startsWith("spec.selector.") || path.endsWith("[]")) {
        return;
      }
      if (node.path("description").asText().isBlank()) {
        undocumented.add(path);
      }
    });
    assertThat(undocumented).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void printerColumnsAndScalePointAtFieldsThatExist(RampKind kind) {
    ObjectNode crd = Crds.crd(kind);
    ObjectNode schema = Crds.openApiV3Schema(kind);
    List<String> paths = new ArrayList<>();
    for (JsonNode column : crd.at("/spec/versions/0/additionalPrinterColumns")) {
      paths.add(column.path("jsonPath").asText());
    }
    crd.at("/spec/versions/0/subresources/scale").fields().forEachRemaining(e -> paths.add(e.getValue().asText()));
    for (String path : paths) {
      if (path.startsWith(".metadata.")) {
        continue;
      }
      JsonNode node = schema;
      for (String part : path.substring(1).split("\\.")) {
        node = node.path("properties").path(part);
      }
      assertThat(node.isMissingNode()).as("%s in %s", path, kind).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void javaTypesMatchTheSchemaFieldForField(RampKind kind) {
    List<String> problems = new ArrayList<>();
    ObjectNode schema = Crds.openApiV3Schema(kind);
    compareRecord(kind.type(), schema, "", problems, false, true);
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RampKind.class)
  void theListTypesCarryTheirItems(RampKind kind) {
    RecordComponent items = Arrays.stream(kind.listType().getRecordComponents())
        .filter(c -> c.getName().equals("items")).findFirst().orElseThrow();
    assertThat(((ParameterizedType) items.getGenericType()).getActualTypeArguments()[0]).isEqualTo(kind.type());
  }

  // -- the walk over records and schema side by side

  private void compareRecord(Class<?> type, JsonNode schema, String path, List<String> problems, boolean inStatus,
      boolean topLevel) {
    if (!"object".equals(schema.path("type").asText())) {
      problems.add(where(path) + ": a record in Java, " + schema.path("type").asText("untyped") + " in the CRD");
      return;
    }
    Map<String, RecordComponent> components = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      components.put(jsonName(c), c);
    }
    Set<String> properties = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));

    for (String name : components.keySet()) {
      if (!properties.contains(name)) {
        problems.add(where(path + "." + name) + ": in " + type.getSimpleName() + ", not in the CRD");
      }
    }
    for (String name : properties) {
      if (!components.containsKey(name)) {
        problems.add(where(path + "." + name) + ": in the CRD, not in " + type.getSimpleName());
      }
    }
    for (Map.Entry<String, RecordComponent> e : components.entrySet()) {
      String name = e.getKey();
      JsonNode property = schema.path("properties").path(name);
      if (property.isMissingNode() || (topLevel && name.equals("metadata"))) {
        continue;
      }
      String childPath = path + "." + name;
      RecordComponent component = e.getValue();
      boolean optional = component.getType() == Optional.class;
      if (optional && required.contains(name)) {
        problems.add(where(childPath) + ": required in the CRD but Optional in " + type.getSimpleName());
      }
      Type valueType = optional
          ? ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
          : component.getGenericType();
      compareValue(valueType, property, childPath, problems, inStatus || (topLevel && name.equals("status")));
    }
    if (!topLevel && !inStatus) {
      compareDefaults(type, schema, path, required, problems);
    }
  }

  /** What Java fills in for an absent field is what the CRD defaults it to, and nothing else. */
  private void compareDefaults(Class<?> type, JsonNode schema, String path, Set<String> required,
      List<String> problems) {
    ObjectNode written = Manifests.toTree(Manifests.fromTree(MAPPER.createObjectNode(), type));
    Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode schemaDefault = property.getValue().get("default");
      JsonNode javaDefault = written.get(property.getKey());
      String where = where(path + "." + property.getKey());
      if (schemaDefault != null && !schemaDefault.equals(javaDefault)) {
        problems.add(where + ": the CRD defaults it to " + schemaDefault + ", Java to " + javaDefault);
      } else if (schemaDefault == null && javaDefault != null && !required.contains(property.getKey())) {
        problems.add(where + ": Java fills in " + javaDefault + " but the CRD has no default");
      }
    }
  }

  private void compareValue(Type type, JsonNode schema, String path, List<String> problems, boolean inStatus) {
    String schemaType = schema.path("type").asText("");
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        expect(schemaType.equals("array"), path, "a List in Java, " + schemaType + " in the CRD", problems);
        compareValue(p.getActualTypeArguments()[0], schema.path("items"), path + "[]", problems, inStatus);
      } else if (Map.class.isAssignableFrom(raw)) {
        expect(schemaType.equals("object") && schema.has("additionalProperties"), path,
            "a Map in Java, not a map in the CRD", problems);
      } else {
        problems.add(where(path) + ": unexpected Java type " + type);
      }
      return;
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) {
      compareRecord(c, schema, path, problems, inStatus, false);
    } else if (c.isEnum()) {
      Set<String> javaValues = new TreeSet<>();
      for (Field f : c.getFields()) {
        if (f.isEnumConstant()) {
          SerializedName n = f.getAnnotation(SerializedName.class);
          javaValues.add(n != null ? n.value() : f.getName());
        }
      }
      Set<String> crdValues = new TreeSet<>();
      schema.path("enum").forEach(v -> crdValues.add(v.asText()));
      expect(schemaType.equals("string") && javaValues.equals(crdValues), path,
          "enum " + javaValues + " in Java, " + crdValues + " in the CRD", problems);
    } else if (c == String.class) {
      expect(schemaType.equals("string") && !schema.has("format"), path, "a String in Java, " + schema, problems);
    } else if (c == OffsetDateTime.class) {
      expect(schemaType.equals("string") && schema.path("format").asText().equals("date-time"), path,
          "a timestamp in Java, not a date-time in the CRD", problems);
    } else if (c == Integer.class || c == int.class) {
      expect(schemaType.equals("integer") && !schema.path("format").asText().equals("int64"), path,
          "an int in Java, " + schemaType + " " + schema.path("format").asText() + " in the CRD", problems);
    } else if (c == Long.class || c == long.class) {
      expect(schemaType.equals("integer") && schema.path("format").asText().equals("int64"), path,
          "a long in Java, not an int64 in the CRD", problems);
    } else if (c == Boolean.class || c == boolean.class) {
      expect(schemaType.equals("boolean"), path, "a boolean in Java, " + schemaType + " in the CRD", problems);
    } else if (c == IntOrString.class) {
      expect(schema.path("x-kubernetes-int-or-string").asBoolean(), path,
          "an IntOrString in Java, not int-or-string in the CRD", problems);
    } else if (c.getPackageName().equals("io.kubernetes.client.openapi.models")) {
      // a Kubernetes type (pod template, label selector, Secret key): its own schema is Kubernetes'
      expect(schemaType.equals("object"), path, c.getSimpleName() + " in Java, " + schemaType + " in the CRD", problems);
    } else {
      problems.add(where(path) + ": unexpected Java type " + c.getName());
    }
  }

  private static void expect(boolean ok, String path, String problem, List<String> problems) {
    if (!ok) {
      problems.add(where(path) + ": " + problem);
    }
  }

  private static String where(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String jsonName(RecordComponent c) {
    try {
      SerializedName n = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(SerializedName.class);
      return n != null ? n.value() : c.getName();
    } catch (NoSuchFieldException e) {
      return c.getName();
    }
  }

  private interface NodeVisitor {
    void visit(String path, JsonNode node);
  }

  private static void forEachNode(JsonNode node, String path, NodeVisitor visitor) {
    visitor.visit(path, node);
    node.path("properties").fields().forEachRemaining(e ->
        forEachNode(e.getValue(), path + "." + e.getKey(), visitor));
    if (node.has("items")) {
      forEachNode(node.get("items"), path + "[]", visitor);
    }
  }
}
