package dev.ramp.cli.testing;

import dev.ramp.sandbox.SandboxMain;
import java.nio.file.Path;

/**
 * The sandbox's by-hand main ({@link SandboxMain}) with one idle, Healthy rollout {@code web} in
 * {@code default} and no controller: for measuring the plugin's start-up from a shell
 * ({@code hyperfine 'kubectl-ramp status web'}). Argument: the folder to write the kubeconfig into.
 */
public final class SandboxServer {
  private SandboxServer() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    RampSandbox sandbox = RampSandbox.start(dir);
    Fixtures.healthyCanary(sandbox, "default", "web");
    SandboxMain.announce(sandbox.sandbox(), sandbox.kubeconfig());
    SandboxMain.runUntilKilled();
  }
}
