package dev.ramp.cli.testing;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** The controller's application as it ships, pointed at a sandbox through its kubeconfig, alone (no leader election). */
public final class RealController implements AutoCloseable {
  private final ApplicationContext context;

  private RealController(ApplicationContext context) {
    this.context = context;
  }

  public static RealController start(RampSandbox sandbox) {
    return new RealController(ApplicationContext.builder().properties(Map.of(
        "kubernetes.client.kube-config-path", sandbox.kubeconfig().toString(),
        "ramp.controller.leader-election.enabled", "false",
        "ramp.controller.ops.port", 0,
        "ramp.controller.resync", "30s")).start());
  }

  @Override
  public void close() {
    if (context.isRunning()) {
      context.close();
    }
  }
}
