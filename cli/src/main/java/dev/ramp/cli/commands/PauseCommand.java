package dev.ramp.cli.commands;

import dev.ramp.cli.core.PauseDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kubectl ramp pause NAME}. */
@Command(name = "pause", description = "Hold the rollout where it is until `kubectl ramp resume` (spec.paused).")
final class PauseCommand extends WriteCommand implements Callable<Integer> {
  PauseCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    return write("pause", PauseDecision::pause, PauseDecision::pauseReport);
  }
}
