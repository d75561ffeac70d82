package dev.ramp.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl ramp set ...}: change a field of a rollout's pod template. */
@Command(name = "set", description = "Change a rollout's pod template.", subcommands = SetImageCommand.class)
final class SetCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
