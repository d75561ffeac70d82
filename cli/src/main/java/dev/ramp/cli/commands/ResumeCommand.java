package dev.ramp.cli.commands;

import dev.ramp.cli.core.PauseDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kubectl ramp resume NAME}. */
@Command(name = "resume", description = "Lift a pause made with `kubectl ramp pause`.")
final class ResumeCommand extends WriteCommand implements Callable<Integer> {
  ResumeCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    return write("resume", PauseDecision::resume, PauseDecision::resumeReport);
  }
}
