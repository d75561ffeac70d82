package dev.ramp.cli.commands;

import dev.ramp.cli.core.UndoDecision;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl ramp undo NAME [--to-revision N]}. */
@Command(name = "undo", description = "Go back to the previous revision's pod template (or revision N's).")
final class UndoCommand extends WriteCommand implements Callable<Integer> {
  @Option(names = "--to-revision", paramLabel = "N", description = "The revision to go back to (default: the previous)")
  Long toRevision;

  UndoCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    OptionalLong revision = toRevision == null ? OptionalLong.empty() : OptionalLong.of(toRevision);
    return write("undo", s -> UndoDecision.decide(s, revision), (before, after) -> UndoDecision.report(before, revision),
        before -> UndoDecision.newRevision(before, revision));
  }
}
