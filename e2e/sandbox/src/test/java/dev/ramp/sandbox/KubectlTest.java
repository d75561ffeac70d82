package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl, as shipped, against the sandbox with the kubeconfig it writes. Skipped when kubectl is absent. */
class KubectlTest {
  static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  static Sandbox sandbox;
  static Http http;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl is not installed at " + KUBECTL + "; skipping the kubectl checks");
    sandbox = Sandbox.start();
    sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  record Run(int exit, String output) {}

  static Run kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--cache-dir", dir.resolve("cache").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("KUBECONFIG", dir.resolve("kubeconfig").toString());
    builder.environment().put("HOME", dir.toString());
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @Test
  void getsBuiltinObjects() throws Exception {
    Run namespaces = kubectl("get", "namespaces");
    assertThat(namespaces.exit()).as(namespaces.output()).isZero();
    assertThat(namespaces.output()).contains("default").contains("kube-system").contains("Active");
    Run nodes = kubectl("get", "nodes", "-o", "name");
    assertThat(nodes.output()).contains("node/sandbox-node");
  }

  @Test
  void appliesAndReappliesADeployment() throws Exception {
    Path manifest = dir.resolve("deployment.yaml");
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: kubectl-web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: kubectl-web}
          template:
            metadata:
              labels: {app: kubectl-web}
            spec:
              containers:
                - name: app
                  image: nginx:1.25
        """;
    Files.writeString(manifest, deployment);
    Run created = kubectl("apply", "-f", manifest.toString());
    assertThat(created.exit()).as(created.output()).isZero();
    assertThat(created.output()).contains("deployment.apps/kubectl-web created");
    Files.writeString(manifest, deployment.replace("nginx:1.25", "nginx:1.26"));
    Run configured = kubectl("apply", "-f", manifest.toString());
    assertThat(configured.exit()).as(configured.output()).isZero();
    assertThat(configured.output()).contains("deployment.apps/kubectl-web configured");
    assertThat(http.get("/apis/apps/v1/namespaces/default/deployments/kubectl-web")
        .at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.26");
    Conditions.await("the new revision is rolled out", () -> http.get(
        "/apis/apps/v1/namespaces/default/deployments/kubectl-web").at("/status/updatedReplicas").asInt() == 1);
    Run listed = kubectl("get", "replicasets", "-l", "app=kubectl-web", "-o", "name");
    assertThat(listed.output().lines().count()).isEqualTo(2);
  }

  @Test
  void appliesACrdAndItsCustomResource() throws Exception {
    Run crd = kubectl("apply", "-f", Path.of("src/test/resources/crds/canary.yaml").toAbsolutePath().toString());
    assertThat(crd.exit()).as(crd.output()).isZero();
    Path manifest = dir.resolve("canary.yaml");
    Files.writeString(manifest, """
        apiVersion: fidelity.example.com/v1
        kind: Canary
        metadata:
          name: kubectl-canary
        spec:
          strategy: canary
          stepWeight: 10
        """);
    Run created = kubectl("apply", "-f", manifest.toString());
    assertThat(created.exit()).as(created.output()).isZero();
    Files.writeString(manifest, Files.readString(manifest).replace("stepWeight: 10", "stepWeight: 20"));
    Run configured = kubectl("apply", "-f", manifest.toString());
    assertThat(configured.exit()).as(configured.output()).isZero();
    Run got = kubectl("get", "canaries");
    assertThat(got.output()).contains("kubectl-canary").contains("STRATEGY").contains("canary");
    assertThat(http.get("/apis/fidelity.example.com/v1/namespaces/default/canaries/kubectl-canary")
        .at("/spec/stepWeight").asInt()).isEqualTo(20);
  }
}
