package dev.ramp.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigsTest {
  private static final String TWO_CONTEXTS = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: dev
        cluster: {server: "https://dev.example:6443"}
      - name: prod
        cluster: {server: "https://prod.example:6443"}
      contexts:
      - name: dev
        context: {cluster: dev, user: me, namespace: shop}
      - name: prod
        context: {cluster: prod, user: me}
      current-context: dev
      users:
      - name: me
        user: {token: abc}
      """;

  private static Kubeconfigs.Options options(String kubeconfig, String context, String namespace) {
    return new Kubeconfigs.Options(Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
        Optional.ofNullable(namespace));
  }

  @Test
  void filesComeFromTheFlagThenKubeconfigThenHome() {
    assertThat(Kubeconfigs.files(Optional.of("/a"), Map.of("KUBECONFIG", "/b"))).containsExactly(Path.of("/a"));
    assertThat(Kubeconfigs.files(Optional.empty(), Map.of("KUBECONFIG", "/b:/c"))).containsExactly(Path.of("/b"),
        Path.of("/c"));
    assertThat(Kubeconfigs.files(Optional.empty(), Map.of("HOME", "/home/me")))
        .containsExactly(Path.of("/home/me/.kube/config"));
  }

  @Test
  void theContextsNamespaceAndServerAreUsedUnlessOverridden(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("config"), TWO_CONTEXTS);

    Connection dev = Kubeconfigs.connect(options(file.toString(), null, null), Map.of());
    assertThat(dev.namespace()).isEqualTo("shop");
    assertThat(dev.cluster().server()).isEqualTo("https://dev.example:6443");

    Connection prod = Kubeconfigs.connect(options(file.toString(), "prod", null), Map.of());
    assertThat(prod.namespace()).isEqualTo("default");
    assertThat(prod.cluster().server()).isEqualTo("https://prod.example:6443");

    assertThat(Kubeconfigs.connect(options(file.toString(), null, "web"), Map.of()).namespace()).isEqualTo("web");
  }

  @Test
  void filesInKubeconfigAreMergedAndTheFirstCurrentContextCounts(@TempDir Path dir) throws IOException {
    Path contexts = Files.writeString(dir.resolve("a"), """
        contexts:
        - name: dev
          context: {cluster: dev, user: me, namespace: a}
        current-context: dev
        """);
    Path rest = Files.writeString(dir.resolve("b"), TWO_CONTEXTS.replace("current-context: dev", "current-context: prod"));

    Connection connection = Kubeconfigs.connect(options(null, null, null),
        Map.of("KUBECONFIG", contexts + ":" + rest));

    assertThat(connection.namespace()).isEqualTo("a");
    assertThat(connection.cluster().server()).isEqualTo("https://dev.example:6443");
  }

  @Test
  void anUnknownContextIsNamedWithTheKnownOnes(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("config"), TWO_CONTEXTS);

    assertThatThrownBy(() -> Kubeconfigs.connect(options(file.toString(), "staging", null), Map.of()))
        .isInstanceOfSatisfying(CliException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER);
          assertThat(e.getMessage()).isEqualTo("context \"staging\" is not in kubeconfig " + file
              + " (contexts: dev, prod)");
        });
  }

  @Test
  void aKubeconfigThatIsNotYamlSaysWhichFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("config"), "clusters: [unclosed");

    assertThatThrownBy(() -> Kubeconfigs.connect(options(file.toString(), null, null), Map.of()))
        .hasMessageStartingWith("invalid kubeconfig " + file + ": not YAML");
  }

  @Test
  void noKubeconfigAtAllSaysWhereItLooked(@TempDir Path dir) {
    assertThatThrownBy(() -> Kubeconfigs.connect(options(null, null, null), Map.of("HOME", dir.toString())))
        .hasMessage("no kubeconfig: " + dir.resolve(".kube/config") + " does not exist; set KUBECONFIG or pass"
            + " --kubeconfig");
    assertThatThrownBy(() -> Kubeconfigs.connect(options(dir.resolve("nope").toString(), null, null), Map.of()))
        .hasMessage("kubeconfig " + dir.resolve("nope") + " does not exist (--kubeconfig)");
  }

  @Test
  void aContextWhoseClusterIsMissingSaysSo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("config"), TWO_CONTEXTS.replace("cluster: prod, user", "cluster: gone, user"));

    assertThatThrownBy(() -> Kubeconfigs.connect(options(file.toString(), "prod", null), Map.of()))
        .hasMessage("context \"prod\" names cluster \"gone\", which kubeconfig " + file + " does not define");
  }

  @Test
  void relativeCertificatePathsAreResolvedAgainstTheirOwnFile(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Path file = Files.writeString(dir.resolve("sub/config"), TWO_CONTEXTS
        .replace("{server: \"https://dev.example:6443\"}", "{server: \"https://dev.example:6443\", certificate-authority: ca.crt}"));

    // The CA file does not exist: the error names the path it was resolved to, beside the kubeconfig.
    assertThatThrownBy(() -> Kubeconfigs.connect(options(file.toString(), null, null), Map.of()))
        .hasMessageContaining("invalid kubeconfig " + file + " (context dev)")
        .hasMessageContaining(dir.resolve("sub/ca.crt").toString());
  }
}
