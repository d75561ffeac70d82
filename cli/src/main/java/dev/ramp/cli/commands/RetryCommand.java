package dev.ramp.cli.commands;

import dev.ramp.cli.core.RetryDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kubectl ramp retry NAME}. */
@Command(name = "retry", description = "Start an aborted update again.")
final class RetryCommand extends WriteCommand implements Callable<Integer> {
  RetryCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    return write("retry", RetryDecision::decide, RetryDecision::report);
  }
}
