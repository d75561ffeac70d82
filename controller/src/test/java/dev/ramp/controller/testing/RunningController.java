package dev.ramp.controller.testing;

import dev.ramp.controller.reconcile.ControllerRuntime;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/** The controller's Micronaut application, as it ships, pointed at a sandbox through its kubeconfig. */
public final class RunningController implements AutoCloseable {
  private final ApplicationContext context;

  private RunningController(ApplicationContext context) {
    this.context = context;
  }

  /** Starts the controller alone (no leader election) against the sandbox. */
  public static RunningController start(SandboxCluster cluster) {
    return start(cluster, Map.of("ramp.controller.leader-election.enabled", "false"));
  }

  public static RunningController start(SandboxCluster cluster, Map<String, Object> properties) {
    return start(cluster, properties, new Object[0]);
  }

  /** Starts the controller with these beans in place of its own (a Clock, a Planner). */
  public static RunningController start(SandboxCluster cluster, Map<String, Object> properties, Object... beans) {
    Map<String, Object> all = new HashMap<>();
    all.put("kubernetes.client.kube-config-path", cluster.kubeconfig().toString());
    all.put("ramp.controller.ops.port", 0);
    all.put("ramp.controller.resync", "30s");
    all.putAll(properties);
    return new RunningController(ApplicationContext.builder().properties(all).singletons(beans).start());
  }

  public ApplicationContext context() {
    return context;
  }

  public boolean isReconciling() {
    return context.getBean(ControllerRuntime.class).isReconciling();
  }

  @Override
  public void close() {
    if (context.isRunning()) {
      context.close();
    }
  }
}
