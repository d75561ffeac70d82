package dev.ramp.cli.commands;

import dev.ramp.cli.kube.Connection;
import dev.ramp.cli.kube.Kubeconfigs;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every kubectl plugin takes, accepted before or after the command name. */
public final class GlobalOptions {
  @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NAMESPACE",
      description = "Namespace of the rollout (default: the context's, else default)")
  String namespace;

  @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "CONTEXT",
      description = "kubeconfig context to use (default: current-context)")
  String context;

  @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)")
  String kubeconfig;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Plain text, no colours")
  boolean noColor;

  public Connection connect(Env env) {
    return Kubeconfigs.connect(new Kubeconfigs.Options(Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
        Optional.ofNullable(namespace)), env.variables());
  }

  public boolean noColor() {
    return noColor;
  }
}
