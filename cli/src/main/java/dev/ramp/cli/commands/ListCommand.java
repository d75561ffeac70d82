package dev.ramp.cli.commands;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.kube.Connection;
import dev.ramp.cli.kube.RolloutClient;
import dev.ramp.cli.render.ListRenderer;
import dev.ramp.cli.render.Style;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kubectl ramp list [-A]}: the rollouts of a namespace, or of all. */
@Command(name = "list", aliases = "ls", description = "List rollouts: strategy, phase, step, canary weight, ready pods.")
final class ListCommand implements Callable<Integer> {
  private final Env env;

  @ParentCommand
  RampCommand root;

  @Option(names = {"-A", "--all-namespaces"}, description = "Rollouts of every namespace")
  boolean allNamespaces;

  ListCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Connection connection = root.global().connect(env);
    RolloutClient reader = new RolloutClient(connection.cluster());
    List<Rollout> rollouts = reader.list(allNamespaces ? Optional.empty() : Optional.of(connection.namespace()));
    if (rollouts.isEmpty()) {
      env.err().println(allNamespaces ? "No rollouts in any namespace."
          : "No rollouts in namespace " + connection.namespace() + ".");
      env.err().flush();
      return 0;
    }
    // A list is not cut to the terminal: each row must stay whole for grep and awk.
    Style style = env.terminal().colors(root.global().noColor(), env.variables())
        ? new Style(true, env.terminal().utf8(), Integer.MAX_VALUE / 2) : Style.plain(Integer.MAX_VALUE / 2);
    env.out().print(ListRenderer.render(rollouts, allNamespaces, env.clock().instant(), style));
    env.out().flush();
    return 0;
  }
}
