package dev.ramp.cli.testing;

import java.nio.file.Path;

/**
 * A sandbox with one idle, Healthy rollout {@code web} in {@code default}, kept running until
 * killed: for measuring the plugin's start-up from a shell ({@code hyperfine 'kubectl-ramp status web'}).
 * Argument: the folder to write the kubeconfig into.
 */
public final class SandboxServer {
  private SandboxServer() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    RampSandbox sandbox = RampSandbox.start(dir);
    Fixtures.healthyCanary(sandbox, "default", "web");
    System.out.println("kubeconfig: " + sandbox.kubeconfig().toAbsolutePath());
    System.out.flush();
    Thread.currentThread().join();
  }
}
