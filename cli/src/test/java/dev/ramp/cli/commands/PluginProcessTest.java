package dev.ramp.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ramp.cli.core.Snapshots;
import dev.ramp.cli.testing.Fixtures;
import dev.ramp.cli.testing.PluginProcess;
import dev.ramp.cli.testing.RampSandbox;
import dev.ramp.cli.testing.RampSandbox.Result;
import dev.ramp.cli.testing.StandInController;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a real process without a terminal, as CI runs it: exit codes, plain output, and
 * errors as one sentence on stderr with no stack trace.
 */
class PluginProcessTest {
  @TempDir
  static Path dir;
  static RampSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = RampSandbox.start(dir);
    Fixtures.healthyCanary(sandbox, "default", "web");
    Fixtures.abortedCanary(sandbox, "default", "broken");
    Fixtures.pausedCanary(sandbox, "default", "paused");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Result ramp(String... args) {
    return PluginProcess.run(sandbox.kubeconfig(), args);
  }

  private static void noStackTrace(Result result) {
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void statusExitsZeroWhenHealthyOneWhenAbortedAndPrintsPlainText() {
    Result healthy = ramp("status", "web");
    assertThat(healthy.exitCode()).isZero();
    assertThat(healthy.out()).startsWith("Rollout:    web  (namespace default)\nStatus:     [x] Healthy\n")
        .doesNotContain("\033");
    assertThat(healthy.err()).isEmpty();

    Result aborted = ramp("status", "broken");
    assertThat(aborted.exitCode()).isEqualTo(1);
    assertThat(aborted.out()).contains("Status:     [!] Degraded (aborted)");
  }

  @Test
  void watchingAnAbortedRolloutEndsAtOnceWithExitOne() {
    Result result = ramp("status", "broken", "--watch");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).endsWith("rollout broken was aborted: aborted: metric success-rate failed (0.62 < 0.95)\n");
  }

  @Test
  void aRefusedCommandExitsFourWithOneSentence() {
    Result result = ramp("abort", "web");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).isEqualTo("error: nothing to abort: rollout web has no update in progress (Healthy on"
        + " revision 2)\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aWriteAcknowledgedByTheControllerExitsZero() throws Exception {
    Fixtures.pausedCanary(sandbox, "default", "go");
    try (var controller = new StandInController(sandbox, "default", "go")) {
      Result result = ramp("promote", "go");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEqualTo("promoted rollout go from step 2/6 to step 3/6 (was paused: CanaryPauseStep)\n");
    }
  }

  @Test
  void aMissingRolloutExitsFive() {
    Result result = ramp("status", "nope", "-n", "kube-system");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("error: rollout \"nope\" not found in namespace \"kube-system\" (`kubectl ramp"
        + " list -n kube-system` lists the rollouts there)\n");
  }

  @Test
  void noClusterReachableNamesTheServer() throws IOException {
    Path kubeconfig = Files.writeString(dir.resolve("unreachable"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: gone, cluster: {server: "http://127.0.0.1:1"}}]
        contexts: [{name: gone, context: {cluster: gone, user: me}}]
        current-context: gone
        users: [{name: me, user: {}}]
        """);

    Result result = PluginProcess.run(kubeconfig, "list");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("error: no cluster reachable at http://127.0.0.1:1 (context gone in " + kubeconfig
        + "): connection refused\n");
  }

  @Test
  void anInvalidKubeconfigSaysWhichFile() throws IOException {
    Path kubeconfig = Files.writeString(dir.resolve("broken-config"), "clusters: [oops\n");

    Result result = PluginProcess.run(kubeconfig, "status", "web");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).startsWith("error: invalid kubeconfig " + kubeconfig + ": not YAML");
    noStackTrace(result);
  }

  @Test
  void forbiddenNamesTheVerbAndResourceDenied() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> forbidStatusWrites(exchange));
    server.start();
    try {
      Path kubeconfig = Files.writeString(dir.resolve("alice"), """
          apiVersion: v1
          kind: Config
          clusters: [{name: shop, cluster: {server: "http://127.0.0.1:%d"}}]
          contexts: [{name: alice, context: {cluster: shop, user: alice, namespace: shop}}]
          current-context: alice
          users: [{name: alice, user: {token: alice-token}}]
          """.formatted(server.getAddress().getPort()));

      Result result = PluginProcess.run(kubeconfig, "abort", "web");

      assertThat(result.exitCode()).isEqualTo(5);
      assertThat(result.err()).isEqualTo("error: forbidden: you cannot patch rollouts/status in namespace shop"
          + " (you are alice)\n");
    } finally {
      server.stop(0);
    }
  }

  /** A server where alice may read rollouts but not write their status, answering as kube-apiserver does. */
  private static void forbidStatusWrites(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    exchange.getRequestBody().readAllBytes();
    int code;
    String body;
    if (exchange.getRequestMethod().equals("GET") && path.equals("/apis/ramp.dev/v1alpha1/namespaces/shop/rollouts/web")) {
      code = 200;
      body = Snapshots.canary(Snapshots.PAUSED_AT_STEP_2).raw().toString();
    } else if (exchange.getRequestMethod().equals("GET") && path.equals("/apis/apps/v1/namespaces/shop/replicasets")) {
      code = 200;
      body = "{\"kind\":\"ReplicaSetList\",\"apiVersion\":\"apps/v1\",\"items\":[]}";
    } else {
      code = 403;
      body = """
          {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
           "message":"rollouts.ramp.dev \\"web\\" is forbidden: User \\"alice\\" cannot patch resource \\"rollouts/status\\" in API group \\"ramp.dev\\" in the namespace \\"shop\\"",
           "reason":"Forbidden","details":{"name":"web","group":"ramp.dev","kind":"rollouts"},"code":403}""";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void lintExitsOneOnErrorsAndZeroOnCleanFiles() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: other}}
            spec: {containers: [{name: web, image: web:1}]}
          strategy: {canary: {steps: [{setWeight: 20}]}}
        """);

    Result result = PluginProcess.run(Map.of(), "lint", "-f", bad.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).startsWith(bad + ": Rollout web: spec: Invalid value: ")
        .endsWith("1 Ramp object checked: 1 error, 0 warnings\n");

    Result examples = PluginProcess.run(Map.of(), "lint", Path.of("..", "examples").toString());
    assertThat(examples.exitCode()).as(examples.out()).isZero();
  }

  @Test
  void aWrongCommandLineExitsTwoWithUsage() {
    Result result = ramp("promote");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: Missing required parameter: 'NAME'\nUsage: kubectl ramp promote");
  }
}
