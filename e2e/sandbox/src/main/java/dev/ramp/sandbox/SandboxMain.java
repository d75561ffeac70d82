package dev.ramp.sandbox;

import java.nio.file.Path;

/**
 * Starts a sandbox with Ramp's and Istio's CRDs ({@link StandardCrds}), writes its kubeconfig to the
 * path given as the one argument (default {@code sandbox.kubeconfig}) and runs until killed: for running
 * the shipped controller or plugin against it by hand, e.g.
 * {@code KUBECONFIG=/tmp/sandbox.kubeconfig java -jar controller/target/ramp-controller.jar}.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path kubeconfig = Path.of(args.length > 0 ? args[0] : "sandbox.kubeconfig");
    Sandbox sandbox = StandardCrds.installIstio(StandardCrds.installRamp(Sandbox.start()));
    announce(sandbox, sandbox.writeKubeconfig(kubeconfig));
    runUntilKilled();
  }

  /** Prints where the sandbox is and which kubeconfig names it, for the person who started it. */
  public static void announce(Sandbox sandbox, Path kubeconfig) {
    System.out.println("sandbox at " + sandbox.url() + ", kubeconfig " + kubeconfig.toAbsolutePath());
    System.out.flush();
  }

  /** Blocks the calling thread until the process is killed; the sandbox serves from its own threads. */
  public static void runUntilKilled() throws InterruptedException {
    Thread.currentThread().join();
  }
}
