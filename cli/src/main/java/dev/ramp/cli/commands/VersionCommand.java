package dev.ramp.cli.commands;

import dev.ramp.cli.CliException;
import dev.ramp.cli.kube.Connection;
import dev.ramp.cli.kube.ControllerLookup;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kubectl ramp version}: the plugin's version and the controller's, "unknown" when it cannot be found. */
@Command(name = "version", description = "Show the plugin's and the controller's versions.")
final class VersionCommand implements Callable<Integer> {
  private final Env env;

  @ParentCommand
  RampCommand root;

  @Option(names = "--client", description = "Only the plugin's version; do not ask the cluster")
  boolean clientOnly;

  VersionCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.out().println("plugin:     kubectl-ramp " + pluginVersion() + " (Java " + Runtime.version() + ")");
    if (!clientOnly) {
      String controller;
      try {
        Connection connection = root.global().connect(env);
        controller = new ControllerLookup(connection.cluster()).describe(connection.namespace());
      } catch (CliException e) {
        controller = "unknown (" + e.getMessage() + ")";
      }
      env.out().println("controller: " + controller);
    }
    env.out().flush();
    return 0;
  }

  static String pluginVersion() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("/dev/ramp/cli/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** For {@code kubectl ramp --version}. */
  static final class PluginVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kubectl-ramp " + pluginVersion()};
    }
  }
}
