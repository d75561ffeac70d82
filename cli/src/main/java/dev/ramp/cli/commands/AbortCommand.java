package dev.ramp.cli.commands;

import dev.ramp.cli.core.AbortDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kubectl ramp abort NAME}. */
@Command(name = "abort", description = "Abort the update in progress: all traffic goes back to the stable revision.")
final class AbortCommand extends WriteCommand implements Callable<Integer> {
  AbortCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    return write("abort", AbortDecision::decide, AbortDecision::report);
  }
}
