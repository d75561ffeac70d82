package dev.ramp.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomResourceDefinitionsTest {

  @Test
  void exposesWhatTheCrdDeclares() {
    CustomResourceDefinition canary = Json.canaryCrd();

    assertThat(canary.name()).isEqualTo("canaries.fidelity.example.com");
    assertThat(canary.group()).isEqualTo("fidelity.example.com");
    assertThat(canary.kind()).isEqualTo("Canary");
    assertThat(canary.plural()).isEqualTo("canaries");
    assertThat(canary.names().shortNames()).containsExactly("can");
    assertThat(canary.names().listKind()).isEqualTo("CanaryList");
    assertThat(canary.namespaced()).isTrue();
    assertThat(canary.qualifiedKind()).isEqualTo("Canary.fidelity.example.com");
    CustomResourceDefinition.Version v1 = canary.storageVersion();
    assertThat(v1.name()).isEqualTo("v1");
    assertThat(v1.subresources().status()).isTrue();
    assertThat(v1.subresources().scale()).contains(
        new CustomResourceDefinition.Scale(".spec.replicas", ".status.replicas", java.util.Optional.of(".status.selector")));
    assertThat(v1.printerColumns()).extracting(CustomResourceDefinition.PrinterColumn::jsonPath)
        .containsExactly(".spec.strategy", ".status.phase");
    assertThat(v1.printerColumns().get(1).priority()).isEqualTo(1);
    assertThat(v1.schema().hasValidationRules()).isTrue();
  }

  @Test
  void readsStreamsWithSeveralDocumentsAndSkipsOtherKinds() {
    CustomResourceDefinitions crds = CustomResourceDefinitions.fromClasspath("validation/more-crds");

    assertThat(crds.all()).extracting(CustomResourceDefinition::name)
        .containsExactly("widgets.example.com", "gadgets.example.com");
    CustomResourceDefinition widget = crds.byResource("example.com", "widgets").orElseThrow();
    assertThat(widget.namespaced()).isFalse();
    assertThat(widget.servedVersions()).extracting(CustomResourceDefinition.Version::name).containsExactly("v1beta1", "v1");
    assertThat(widget.storageVersion().name()).isEqualTo("v1");
    assertThat(widget.version("v1beta1").orElseThrow().deprecationWarning())
        .contains("example.com/v1beta1 Widget is deprecated; use example.com/v1");
    assertThat(widget.version("v1").orElseThrow().subresources().status()).isFalse();
  }

  @Test
  void checksAManifestLikeAServerWould() {
    CustomResourceDefinitions crds = CustomResourceDefinitions.fromClasspath("validation/more-crds");

    ManifestCheck ok = crds.check(Json.object("""
        {apiVersion: example.com/v1, kind: Widget, metadata: {name: w}, spec: {size: 2, color: red}}
        """)).orElseThrow();
    ManifestCheck bad = crds.check(Json.object("""
        {apiVersion: example.com/v1, kind: Widget, metadata: {generateName: w-}, spec: {size: 0}}
        """)).orElseThrow();
    ManifestCheck unserved = crds.check(Json.object("{apiVersion: example.com/v0, kind: Widget, metadata: {name: w}}"))
        .orElseThrow();

    assertThat(ok.valid()).isTrue();
    assertThat(ok.unknownFields()).containsExactly("spec.color");
    assertThat(ok.stored().at("/spec").has("color")).isFalse();
    assertThat(bad.name()).isEqualTo("w-");
    assertThat(bad.errors()).extracting(FieldError::text)
        .containsExactly("spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1");
    assertThat(unserved.errors()).extracting(FieldError::text)
        .containsExactly("apiVersion: Unsupported value: \"example.com/v0\": supported values: \"example.com/v1beta1\","
            + " \"example.com/v1\"");
    assertThat(crds.check(Json.object("{apiVersion: apps/v1, kind: Deployment}"))).isEmpty();
  }

  @Test
  void aMissingNameIsReportedAsTheServerDoes() {
    ManifestCheck check = CustomResourceDefinitions.fromClasspath("validation/more-crds")
        .check(Json.object("{apiVersion: example.com/v1, kind: Gadget}")).orElseThrow();

    assertThat(check.errors()).extracting(FieldError::text)
        .containsExactly("metadata.name: Required value: name or generateName is required");
  }

  @Test
  void anAbsentClasspathFolderHasNoCrds() {
    assertThat(CustomResourceDefinitions.fromClasspath("validation/no-such-folder").isEmpty()).isTrue();
  }

  @Test
  void readsCrdsPackagedInAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("crds.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream canary = getClass().getResourceAsStream("/validation/crds/canary.yaml")) {
      out.putNextEntry(new JarEntry("packaged/"));
      out.closeEntry();
      out.putNextEntry(new JarEntry("packaged/canary.yaml"));
      canary.transferTo(out);
      out.closeEntry();
      out.putNextEntry(new JarEntry("packaged/README.md"));
      out.write("not a manifest".getBytes());
      out.closeEntry();
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Thread.currentThread().setContextClassLoader(loader);

      CustomResourceDefinitions crds = CustomResourceDefinitions.fromClasspath("packaged");

      assertThat(crds.all()).extracting(CustomResourceDefinition::name).containsExactly("canaries.fidelity.example.com");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void readsAFolderOnDisk(@TempDir Path dir) throws IOException {
    try (InputStream canary = getClass().getResourceAsStream("/validation/crds/canary.yaml");
        OutputStream out = Files.newOutputStream(dir.resolve("canary.yml"))) {
      canary.transferTo(out);
    }
    Files.writeString(dir.resolve("notes.txt"), "ignored");

    assertThat(CustomResourceDefinitions.read(dir).all()).hasSize(1);
  }

  @Test
  void aCrdThatCannotBeUsedSaysWhereAndWhy() {
    String crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: things.example.com}
        spec:
          group: example.com
          names: {kind: Thing, plural: things}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - rule: self.size >
        """;

    assertThatThrownBy(() -> CustomResourceDefinitions.parse(crd, "crds/thing.yaml"))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("crds/thing.yaml: CustomResourceDefinition things.example.com: spec.versions[0] (v1):")
        .hasMessageContaining("openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value:"
            + " \"self.size >\": compilation failed: ERROR: <input>:1:");
    assertThatThrownBy(() -> CustomResourceDefinitions.parse("a: [", "broken.yaml"))
        .isInstanceOf(SchemaException.class)
        .hasMessageStartingWith("broken.yaml: not YAML or JSON:");
    assertThatThrownBy(() -> CustomResourceDefinitions.parse(crd.replace("group: example.com", "group: \"\""), "x.yaml"))
        .hasMessage("x.yaml: CustomResourceDefinition things.example.com: spec.group: Required value");
  }

  @Test
  void theRepositoryCrdsFolderIsReadableEvenWhenEmpty() {
    List<CustomResourceDefinition> all = CustomResourceDefinitions.fromClasspath().all();

    assertThat(all).allSatisfy(crd -> assertThat(crd.versions()).isNotEmpty());
  }
}
