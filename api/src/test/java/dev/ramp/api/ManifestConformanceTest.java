package dev.ramp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.crd.Crds;
import dev.ramp.api.json.Manifests;
import dev.ramp.api.validation.StructuralSchema;
import io.kubernetes.client.common.KubernetesObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Ramp manifest of the repository ({@code examples/}, every module's {@code
 * src/test/resources}) is what a server accepts: nothing pruned, defaults filled in, the OpenAPI
 * schema and the CEL rules satisfied; and it reads into the Java types and writes back without a
 * field lost or changed.
 */
class ManifestConformanceTest {
  private static final Map<RampKind, StructuralSchema> SCHEMAS = new EnumMap<>(RampKind.class);

  private static StructuralSchema schema(RampKind kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> StructuralSchema.compile(Crds.openApiV3Schema(k)));
  }

  @TestFactory
  Stream<DynamicTest> everyRampManifestFitsTheCrdsAndTheJavaTypes() throws IOException {
    Path root = RepoManifests.repoRoot();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : RepoManifests.files()) {
      List<ObjectNode> documents = Manifests.readAll(Files.readString(root.resolve(file)));
      for (int i = 0; i < documents.size(); i++) {
        ObjectNode document = documents.get(i);
        Optional<RampKind> kind = RampKind.of(document.path("apiVersion").asText(), document.path("kind").asText());
        if (kind.isEmpty()) {
          continue;
        }
        String where = file + " #" + (i + 1) + " " + kind.get().kind() + " " + document.at("/metadata/name").asText();
        tests.add(DynamicTest.dynamicTest(where, () -> check(where, kind.get(), document)));
      }
    }
    assertThat(tests).as("Ramp manifests found in the repository").isNotEmpty();
    return tests.stream();
  }

  static void check(String where, RampKind kind, ObjectNode document) {
    ObjectNode stored = document.deepCopy();
    StructuralSchema schema = schema(kind);

    List<String> problems = new ArrayList<>();
    schema.pruneAndDefault(stored).forEach(p -> problems.add("unknown field \"" + p + "\" (a typo?)"));
    schema.validate(stored, null).forEach(e -> problems.add(e.text()));
    if (!problems.isEmpty()) {
      fail(where + " is not what the API server accepts:\n  " + String.join("\n  ", problems));
    }

    KubernetesObject typed = Manifests.fromTree(stored, kind.type());
    ObjectNode written = Manifests.toTree(typed);
    List<String> differences = JsonTreeDiff.lostOrChanged(stored, written);
    assertThat(differences).as(where + ": read into " + kind.type().getSimpleName() + " and written back").isEmpty();
  }

  @Test
  void everyExampleIsAnApplyableSetWithAtLeastOneRampObject() throws IOException {
    Path examples = RepoManifests.repoRoot().resolve("examples");
    List<Path> files;
    try (Stream<Path> list = Files.list(examples)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(6);
    for (Path file : files) {
      List<ObjectNode> documents = Manifests.readAll(Files.readString(file));
      assertThat(documents).as(file.toString()).allSatisfy(d -> {
        assertThat(d.path("apiVersion").asText()).as(file + ": apiVersion").isNotBlank();
        assertThat(d.path("kind").asText()).as(file + ": kind").isNotBlank();
        assertThat(d.at("/metadata/name").asText()).as(file + ": metadata.name").isNotBlank();
      });
      assertThat(documents).as(file + " has a Ramp object")
          .anyMatch(d -> RampKind.of(d.path("apiVersion").asText(), d.path("kind").asText()).isPresent());
    }
  }
}
