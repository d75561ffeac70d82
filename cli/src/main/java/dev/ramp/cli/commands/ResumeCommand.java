package dev.ramp.cli.commands;

import dev.ramp.cli.core.PauseDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kubectl ramp resume NAME}. */
@Command(name = "resume", description = "Lift a pause made with `kubectl ramp pause`.")
final class ResumeCommand extends WriteCommand implements Callable<Integer> {
  @ParentCommand
  RampCommand root;

  ResumeCommand(Env env) {
    super(env);
  }

  @Override
  GlobalOptions global() {
    return root.global();
  }

  @Override
  public Integer call() {
    return write("resume", PauseDecision::resume, PauseDecision::resumeReport);
  }
}
