package dev.ramp.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl ramp}: the top of the command tree, holding the options every command takes. */
@Command(name = "kubectl ramp",
    // every command takes -h/--help and shows the exit codes
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.PluginVersion.class,
    description = "Watch, promote and abort Ramp rollouts.",
    subcommands = {
        StatusCommand.class, ListCommand.class, PromoteCommand.class, AbortCommand.class, RetryCommand.class,
        PauseCommand.class, ResumeCommand.class, UndoCommand.class, SetCommand.class, LintCommand.class,
        VersionCommand.class, CdsTrainingCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  done: Healthy, or the command did what it was asked",
        "  1  the rollout is Degraded or aborted; lint found errors",
        "  2  wrong command line",
        "  3  not finished yet (status), or the controller did not acknowledge in time",
        "  4  the command makes no sense in the rollout's state; nothing was written",
        "  5  no such rollout, forbidden, no cluster reachable, or a bad kubeconfig"})
public final class RampCommand implements Runnable {
  @Mixin
  GlobalOptions global;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public GlobalOptions global() {
    return global;
  }
}
