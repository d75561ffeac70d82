package dev.ramp.cli.commands;

import dev.ramp.cli.core.RetryDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kubectl ramp retry NAME}. */
@Command(name = "retry", description = "Start an aborted update again.")
final class RetryCommand extends WriteCommand implements Callable<Integer> {
  @ParentCommand
  RampCommand root;

  RetryCommand(Env env) {
    super(env);
  }

  @Override
  GlobalOptions global() {
    return root.global();
  }

  @Override
  public Integer call() {
    return write("retry", RetryDecision::decide, RetryDecision::report);
  }
}
