package dev.ramp.cli.commands;

import dev.ramp.cli.core.PromoteDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl ramp promote NAME [--full]}. */
@Command(name = "promote", description = {
    "Promote a paused rollout, or skip the step it is on (an analysis it waits for, pods not ready yet).",
    "--full skips every remaining step, pause and analysis."})
final class PromoteCommand extends WriteCommand implements Callable<Integer> {
  @Option(names = "--full", description = "Skip all remaining steps, pauses and analyses")
  boolean full;

  PromoteCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    return write(full ? "full promotion" : "promotion", s -> PromoteDecision.decide(s, full),
        (before, after) -> PromoteDecision.report(before, after, full));
  }
}
