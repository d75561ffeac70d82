package dev.ramp.controller.testing;

import dev.ramp.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Starts a sandbox API server with Ramp's CRDs (and Istio's, with {@code --istio}) and writes its
 * kubeconfig, for running the shipped jar against it by hand:
 * {@code SandboxMain /tmp/sandbox.kubeconfig [--istio]}, then
 * {@code KUBECONFIG=/tmp/sandbox.kubeconfig java -jar controller/target/ramp-controller.jar}.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    Path kubeconfig = Path.of(args.length > 0 ? args[0] : "sandbox.kubeconfig");
    Sandbox sandbox = Sandbox.start();
    try (Stream<Path> crds = Files.list(Path.of("crds"))) {
      for (Path crd : crds.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        sandbox.apply(crd);
      }
    }
    if (args.length > 1 && args[1].equals("--istio")) {
      sandbox.applyText(new String(SandboxMain.class.getResourceAsStream("/istio/crds.yaml").readAllBytes()));
    }
    sandbox.writeKubeconfig(kubeconfig);
    System.out.println("sandbox at " + sandbox.url() + ", kubeconfig " + kubeconfig.toAbsolutePath());
    Thread.currentThread().join();
  }
}
