package dev.ramp.cli.commands;

import dev.ramp.cli.testing.RampSandbox;
import dev.ramp.cli.testing.Rollouts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @Test
  void smoke(@TempDir Path dir) {
    try (RampSandbox s = RampSandbox.start(dir)) {
      s.apply(Rollouts.canary("default", "web", "web:1.0"));
      s.replicaSet("default", "web", "aaaa", 1, 4, "web:1.0");
      s.replicaSet("default", "web", "bbbb", 2, 1, "web:2.0");
      s.writeStatus("default", "web", st -> {
        st.addProperty("phase", "Paused");
        st.addProperty("observedGeneration", 1);
        st.addProperty("currentStepIndex", 1);
        st.addProperty("currentPodHash", "bbbb");
        st.addProperty("stableRS", "aaaa");
        st.addProperty("controllerPause", true);
        st.add("pauseConditions", com.google.gson.JsonParser.parseString("[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2026-01-01T00:00:00Z\"}]"));
        st.add("canary", com.google.gson.JsonParser.parseString("{\"weights\":{\"canary\":{\"weight\":20},\"stable\":{\"weight\":80}}}"));
        return st;
      });
      var r = s.run("status", "web");
      System.out.println(r);
      System.out.println(r.out());
      System.out.println(s.run("list"));
      System.out.println(s.run("abort", "nope"));
      System.out.println(s.run("-n", "shop", "status", "web"));
      System.out.println(s.run("status", "-n", "shop", "web"));
      System.out.println(s.run("promote", "web", "--timeout", "1s"));
    }
  }
}
