package dev.ramp.cli.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import dev.ramp.api.RampApi;
import dev.ramp.cli.Main;
import dev.ramp.cli.commands.Env;
import dev.ramp.cli.commands.Terminal;
import dev.ramp.cli.core.Json;
import dev.ramp.cli.kube.Cluster;
import dev.ramp.cli.kube.ConflictException;
import dev.ramp.cli.kube.ResourceRef;
import dev.ramp.cli.kube.Sleeper;
import dev.ramp.sandbox.Sandbox;
import dev.ramp.sandbox.StandardCrds;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The sandbox API server with Ramp's CRDs, a kubeconfig file naming it, and helpers to set up what
 * the controller would have made (ReplicaSets, AnalysisRuns, status) and to run the plugin.
 */
public final class RampSandbox implements AutoCloseable {
  private final Sandbox sandbox;
  private final Cluster cluster;
  private final Path kubeconfig;

  private RampSandbox(Sandbox sandbox, Path kubeconfig) {
    this.sandbox = sandbox;
    this.kubeconfig = kubeconfig;
    this.cluster = new Cluster(sandbox.apiClient(), sandbox.url().toString(), "the sandbox");
  }

  public static RampSandbox start(Path dir) {
    Sandbox sandbox = StandardCrds.installRamp(Sandbox.builder().podReadyDelay(Duration.ofMillis(50)).start());
    return new RampSandbox(sandbox, sandbox.writeKubeconfig(dir.resolve("kubeconfig")));
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public Cluster cluster() {
    return cluster;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public void apply(String yaml) {
    sandbox.applyText(yaml);
  }

  public JsonObject rollout(String namespace, String name) {
    return cluster.get(ResourceRef.rollout(namespace, name));
  }

  /**
   * Waits until the rollout satisfies the condition, following a watch of it (no polling): the watch
   * starts with the rollout as it is, then every change.
   */
  public JsonObject awaitRollout(String namespace, String name, String what, Predicate<JsonObject> condition) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    JsonObject last = null;
    CustomObjectsApi api = new CustomObjectsApi(sandbox.watchClient());
    while (System.nanoTime() < deadline) {
      int seconds = (int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toSeconds());
      try (Watch<JsonObject> watch = Watch.createWatch(sandbox.watchClient(),
          api.listNamespacedCustomObject(RampApi.GROUP, RampApi.VERSION, namespace, RampApi.ROLLOUTS)
              .fieldSelector("metadata.name=" + name).watch(true).timeoutSeconds(seconds).buildCall(null),
          new TypeToken<Watch.Response<JsonObject>>() {}.getType())) {
        for (Watch.Response<JsonObject> event : watch) {
          last = event.object;
          if (last != null && condition.test(last)) {
            return last;
          }
        }
      } catch (ApiException | IOException e) {
        throw new IllegalStateException("cannot watch rollout " + namespace + "/" + name, e);
      }
    }
    throw new AssertionError("rollout " + name + " did not get " + what + " within " + AWAIT + ": " + last);
  }

  private static final Duration AWAIT = Duration.ofSeconds(60);

  /** Writes the rollout's status as the controller would (merge patch of /status, with resourceVersion). */
  public JsonObject writeStatus(String namespace, String name, UnaryOperator<JsonObject> change) {
    for (int attempt = 0; attempt < 20; attempt++) {
      JsonObject current = rollout(namespace, name);
      JsonObject status = Json.object(current, "status").orElse(new JsonObject());
      JsonObject wanted = change.apply(status.deepCopy());
      JsonObject patch = new JsonObject();
      JsonObject metadata = new JsonObject();
      metadata.addProperty("resourceVersion", Json.string(current, "metadata", "resourceVersion").orElseThrow());
      patch.add("metadata", metadata);
      patch.add("status", replaceWith(status, wanted));
      try {
        return cluster.mergePatch(ResourceRef.rollout(namespace, name).status(), patch);
      } catch (ConflictException e) {
        // the plugin wrote in between: read again
      }
    }
    throw new IllegalStateException("status of " + name + " kept changing");
  }

  /** A merge patch that turns {@code from} into {@code to}, removing what {@code to} lacks. */
  private static JsonObject replaceWith(JsonObject from, JsonObject to) {
    return dev.ramp.cli.core.Patches.diff(from, to);
  }

  /** A ReplicaSet of a revision, owned by the rollout, as the controller creates them. */
  public void replicaSet(String namespace, String rollout, String hash, long revision, int replicas, String image) {
    JsonObject owner = rollout(namespace, rollout);
    String uid = Json.string(owner, "metadata", "uid").orElseThrow();
    apply("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: %1$s-%2$s
          namespace: %3$s
          labels: {app: %1$s, rollouts-pod-template-hash: %2$s}
          annotations: {ramp.dev/revision: "%4$d"}
          ownerReferences:
          - {apiVersion: ramp.dev/v1alpha1, kind: Rollout, name: %1$s, uid: %5$s, controller: true}
        spec:
          replicas: %6$d
          selector:
            matchLabels: {app: %1$s, rollouts-pod-template-hash: %2$s}
          template:
            metadata:
              labels: {app: %1$s, rollouts-pod-template-hash: %2$s}
            spec:
              containers:
              - name: %1$s
                image: %7$s
        """.formatted(rollout, hash, namespace, revision, uid, replicas, image));
  }

  /** An AnalysisRun owned by the rollout, with this status (JSON). */
  public void analysisRun(String namespace, String rollout, String name, String purpose, String hash, String statusJson) {
    JsonObject owner = rollout(namespace, rollout);
    String uid = Json.string(owner, "metadata", "uid").orElseThrow();
    apply("""
        apiVersion: ramp.dev/v1alpha1
        kind: AnalysisRun
        metadata:
          name: %1$s
          namespace: %2$s
          labels: {ramp.dev/analysis: %3$s, rollouts-pod-template-hash: %4$s}
          ownerReferences:
          - {apiVersion: ramp.dev/v1alpha1, kind: Rollout, name: %5$s, uid: %6$s, controller: true}
        spec:
          metrics:
          - name: success-rate
            count: 3
            interval: 30s
            successCondition: result[0] >= 0.95
            provider:
              prometheus:
                address: http://prometheus:9090
                query: sum(rate(ok[1m])) / sum(rate(all[1m]))
        """.formatted(name, namespace, purpose, hash, rollout, uid));
    JsonObject run = cluster.get(new ResourceRef("analysisrun", "ramp.dev", "v1alpha1", "analysisruns",
        Optional.of(namespace), Optional.of(name), Optional.empty()));
    JsonObject patch = new JsonObject();
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", Json.string(run, "metadata", "resourceVersion").orElseThrow());
    patch.add("metadata", metadata);
    patch.add("status", JsonParser.parseString(statusJson));
    cluster.mergePatch(new ResourceRef("analysisrun", "ramp.dev", "v1alpha1", "analysisruns", Optional.of(namespace),
        Optional.of(name), Optional.of("status")), patch);
  }

  /** Runs the plugin in this JVM, as from a shell without a terminal, with KUBECONFIG naming the sandbox. */
  public Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs the plugin as on a person's terminal of this size: colours, symbols, the live view redrawn in place. */
  public Result runOnTerminal(int width, int height, String... args) {
    return run(Map.of("LANG", "en_US.UTF-8"), new Terminal(true, width, height, true), args);
  }

  public Result run(Map<String, String> extraEnv, String... args) {
    return run(extraEnv, Terminal.plain(100), args);
  }

  /**
   * Runs the plugin with this sleeper between its polls: a test can play the controller's part there,
   * one change per poll, instead of racing the plugin on the wall clock.
   */
  public Result runPolling(Sleeper sleeper, String... args) {
    return run(Map.of(), Terminal.plain(100), sleeper, args);
  }

  /**
   * Runs the plugin on this clock, which only the plugin's own waits move forward: a watch of many
   * seconds takes none, and its frames show the clock's time.
   */
  public Result runOnClock(FakeTime time, Terminal terminal, String... args) {
    return run(Map.of("LANG", "en_US.UTF-8"), terminal, time, time.sleeper(), args);
  }

  private Result run(Map<String, String> extraEnv, Terminal terminal, String... args) {
    return run(extraEnv, terminal, Sleeper.SYSTEM, args);
  }

  private Result run(Map<String, String> extraEnv, Terminal terminal, Sleeper sleeper, String... args) {
    return run(extraEnv, terminal, Clock.systemUTC(), sleeper, args);
  }

  private Result run(Map<String, String> extraEnv, Terminal terminal, Clock clock, Sleeper sleeper, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> variables = new java.util.HashMap<>(Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", "/nonexistent"));
    variables.putAll(extraEnv);
    Env env = new Env(variables, clock, sleeper, new PrintWriter(out, true), new PrintWriter(err, true),
        terminal);
    int code = Main.run(args, env);
    return new Result(code, out.toString(), err.toString());
  }

  /** What a run of the plugin printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  public static String now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
