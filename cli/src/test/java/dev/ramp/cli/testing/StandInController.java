package dev.ramp.cli.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ramp.cli.core.Json;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The test playing the controller's part for one rollout: it answers what the plugin writes the
 * way the controller would acknowledge it, in status, with the resourceVersion it read —
 * an abort gets {@code abortedAt} and the traffic back on stable, a promotion moves the step on,
 * a new spec gets {@code observedGeneration}, a retry starts again from the first step.
 */
public final class StandInController implements AutoCloseable {
  private final RampSandbox sandbox;
  private final String namespace;
  private final String name;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public StandInController(RampSandbox sandbox, String namespace, String name) {
    this.sandbox = sandbox;
    this.namespace = namespace;
    this.name = name;
    this.thread = new Thread(this::loop, "stand-in controller for " + name);
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running.get()) {
      try {
        JsonObject rollout = sandbox.rollout(namespace, name);
        if (needsAnswer(rollout)) {
          sandbox.writeStatus(namespace, name, status -> answer(sandbox.rollout(namespace, name), status));
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the rollout may be gone or changing: look again
      }
    }
  }

  private static boolean needsAnswer(JsonObject rollout) {
    JsonObject status = Json.object(rollout, "status").orElse(new JsonObject());
    long generation = Json.at(rollout, "metadata", "generation").map(g -> g.getAsLong()).orElse(1L);
    long observed = Json.at(status, "observedGeneration").map(g -> g.getAsLong()).orElse(0L);
    boolean abort = Json.at(status, "abort").map(a -> a.getAsBoolean()).orElse(false);
    boolean abortedAt = Json.at(status, "abortedAt").isPresent();
    boolean controllerPause = Json.at(status, "controllerPause").map(a -> a.getAsBoolean()).orElse(false);
    boolean conditions = Json.at(status, "pauseConditions").map(c -> c.getAsJsonArray().size() > 0).orElse(false);
    boolean promoteFull = Json.at(status, "promoteFull").map(a -> a.getAsBoolean()).orElse(false);
    boolean analysisSkipped = Json.at(status, "canary", "currentStepAnalysisRunStatus").isPresent()
        && Json.integer(status, 0, "currentStepIndex") != 2;
    return observed < generation || abort != abortedAt || controllerPause && !conditions || promoteFull
        || analysisSkipped;
  }

  private static JsonObject answer(JsonObject rollout, JsonObject status) {
    long generation = Json.at(rollout, "metadata", "generation").map(g -> g.getAsLong()).orElse(1L);
    int steps = Json.at(rollout, "spec", "strategy", "canary", "steps").map(s -> s.getAsJsonArray().size()).orElse(0);
    boolean specPaused = Json.at(rollout, "spec", "paused").map(p -> p.getAsBoolean()).orElse(false);
    status.addProperty("observedGeneration", generation);
    boolean abort = Json.at(status, "abort").map(a -> a.getAsBoolean()).orElse(false);
    if (abort && !status.has("abortedAt")) {
      status.addProperty("abortedAt", RampSandbox.now());
      status.addProperty("phase", "Degraded");
      status.addProperty("message", "aborted by a person");
      status.addProperty("currentStepIndex", 0);
      status.remove("pauseConditions");
      status.remove("controllerPause");
      weights(status, 0);
      return status;
    }
    if (!abort && status.has("abortedAt")) {
      status.remove("abortedAt");
      status.remove("message");
      status.addProperty("phase", "Progressing");
      status.addProperty("currentStepIndex", 0);
      weights(status, 20);
      return status;
    }
    if (Json.at(status, "promoteFull").map(a -> a.getAsBoolean()).orElse(false)) {
      status.remove("promoteFull");
      status.remove("pauseConditions");
      status.remove("controllerPause");
      status.addProperty("currentStepIndex", steps);
      status.addProperty("phase", "Progressing");
      weights(status, 100);
      return status;
    }
    boolean controllerPause = Json.at(status, "controllerPause").map(a -> a.getAsBoolean()).orElse(false);
    boolean conditions = Json.at(status, "pauseConditions").map(c -> c.getAsJsonArray().size() > 0).orElse(false);
    if (controllerPause && !conditions) {
      status.remove("controllerPause");
      status.addProperty("currentStepIndex", Json.integer(status, 0, "currentStepIndex") + 1);
    }
    if (Json.at(status, "canary", "currentStepAnalysisRunStatus").isPresent()
        && Json.integer(status, 0, "currentStepIndex") != 2) {
      status.getAsJsonObject("canary").remove("currentStepAnalysisRunStatus");
      if (Json.integer(status, 0, "currentStepIndex") == 3) {
        weights(status, 50);
      }
    }
    if (!Json.string(status, "phase").orElse("").equals("Healthy")
        && !Json.string(status, "phase").orElse("").equals("Degraded")) {
      status.addProperty("phase", specPaused || status.has("pauseConditions") ? "Paused" : "Progressing");
    }
    return status;
  }

  private static void weights(JsonObject status, int canary) {
    JsonObject weights = JsonParser.parseString("{\"canary\":{\"weight\":" + canary + "},\"stable\":{\"weight\":"
        + (100 - canary) + "}}").getAsJsonObject();
    JsonObject canaryStatus = Json.object(status, "canary").orElse(new JsonObject());
    canaryStatus.add("weights", weights);
    status.add("canary", canaryStatus);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(2000);
  }
}
