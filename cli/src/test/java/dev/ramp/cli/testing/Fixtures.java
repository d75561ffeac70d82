package dev.ramp.cli.testing;

import com.google.gson.JsonParser;

/** Rollouts in the states the tests need, with what the controller would have written. */
public final class Fixtures {
  private Fixtures() {}

  /** Revision 2 done and stable: Healthy, all steps passed. */
  public static void healthyCanary(RampSandbox s, String namespace, String name) {
    s.apply(Rollouts.canary(namespace, name, name + ":2.0"));
    s.replicaSet(namespace, name, "hash1", 1, 0, name + ":1.0");
    s.replicaSet(namespace, name, "hash2", 2, 4, name + ":2.0");
    s.writeStatus(namespace, name, st -> {
      st.addProperty("phase", "Healthy");
      st.addProperty("observedGeneration", 1);
      st.addProperty("currentStepIndex", 6);
      st.addProperty("currentPodHash", "hash2");
      st.addProperty("stableRS", "hash2");
      st.addProperty("replicas", 4);
      st.addProperty("readyReplicas", 4);
      st.addProperty("availableReplicas", 4);
      st.addProperty("updatedReplicas", 4);
      st.add("canary", JsonParser.parseString(
          "{\"weights\":{\"canary\":{\"weight\":0,\"podTemplateHash\":\"hash2\"},"
              + "\"stable\":{\"weight\":100,\"podTemplateHash\":\"hash2\"}}}"));
      return st;
    });
  }

  /** Revision 3 on its way in, paused by the controller at step 2 (pause until promoted), canary at 20%. */
  public static void pausedCanary(RampSandbox s, String namespace, String name) {
    s.apply(Rollouts.canary(namespace, name, name + ":3.0"));
    s.replicaSet(namespace, name, "hash2", 2, 4, name + ":2.0");
    s.replicaSet(namespace, name, "hash3", 3, 1, name + ":3.0");
    s.writeStatus(namespace, name, st -> {
      st.addProperty("phase", "Paused");
      st.addProperty("observedGeneration", 1);
      st.addProperty("currentStepIndex", 1);
      st.addProperty("currentPodHash", "hash3");
      st.addProperty("stableRS", "hash2");
      st.addProperty("controllerPause", true);
      st.addProperty("replicas", 5);
      st.addProperty("readyReplicas", 5);
      st.addProperty("availableReplicas", 5);
      st.addProperty("updatedReplicas", 1);
      st.add("pauseConditions", JsonParser.parseString(
          "[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2026-01-01T00:00:00Z\"}]"));
      st.add("canary", JsonParser.parseString(
          "{\"weights\":{\"canary\":{\"weight\":20,\"podTemplateHash\":\"hash3\"},"
              + "\"stable\":{\"weight\":80,\"podTemplateHash\":\"hash2\"}}}"));
      return st;
    });
  }

  /** Revision 3 held by the controller at step 5 (pause 1m) since this time, canary at 50%. */
  public static void timedPauseCanary(RampSandbox s, String namespace, String name, java.time.Instant since) {
    pausedCanary(s, namespace, name);
    s.writeStatus(namespace, name, st -> {
      st.addProperty("currentStepIndex", 4);
      st.addProperty("message", "paused at step 5/6 for 1m");
      st.add("pauseConditions", JsonParser.parseString(
          "[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"" + since + "\"}]"));
      return st;
    });
  }

  /** Revision 3 running the analysis of step 3 (index 2), canary at 20%. */
  public static void analysingCanary(RampSandbox s, String namespace, String name) {
    pausedCanary(s, namespace, name);
    s.analysisRun(namespace, name, name + "-hash3-step-2", "step-2", "hash3", """
        {"phase":"Running","metricResults":[{"name":"success-rate","phase":"Running","count":1,"successful":1,
          "measurements":[{"phase":"Successful","value":"[0.991]"}]}]}""");
    s.writeStatus(namespace, name, st -> {
      st.addProperty("phase", "Progressing");
      st.addProperty("currentStepIndex", 2);
      st.remove("pauseConditions");
      st.remove("controllerPause");
      st.getAsJsonObject("canary").add("currentStepAnalysisRunStatus",
          JsonParser.parseString("{\"name\":\"" + name + "-hash3-step-2\",\"status\":\"Running\"}"));
      return st;
    });
  }

  /** Revision 3 aborted: traffic back on revision 2. */
  public static void abortedCanary(RampSandbox s, String namespace, String name) {
    pausedCanary(s, namespace, name);
    s.writeStatus(namespace, name, st -> {
      st.addProperty("phase", "Degraded");
      st.addProperty("message", "aborted: metric success-rate failed (0.62 < 0.95)");
      st.addProperty("abort", true);
      st.addProperty("abortedAt", "2026-03-01T10:05:00Z");
      st.addProperty("currentStepIndex", 0);
      st.remove("pauseConditions");
      st.remove("controllerPause");
      st.add("canary", JsonParser.parseString(
          "{\"weights\":{\"canary\":{\"weight\":0},\"stable\":{\"weight\":100}}}"));
      return st;
    });
  }
}
