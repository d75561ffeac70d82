package dev.ramp.cli.commands;

import dev.ramp.cli.core.SetImageDecision;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code kubectl ramp set image NAME CONTAINER=IMAGE}. */
@Command(name = "image", description = "Set a container's image (CONTAINER=IMAGE; *=IMAGE sets every container's).")
final class SetImageCommand extends WriteCommand implements Callable<Integer> {
  @Parameters(index = "1", paramLabel = "CONTAINER=IMAGE", description = "The container and its new image")
  String assignment;

  SetImageCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() {
    int equals = assignment.indexOf('=');
    if (equals <= 0 || equals == assignment.length() - 1) {
      throw new ParameterException(spec.commandLine(), "expected CONTAINER=IMAGE, got '" + assignment + "'");
    }
    String container = assignment.substring(0, equals);
    String image = assignment.substring(equals + 1);
    return write("image change", s -> SetImageDecision.decide(s, container, image),
        (before, after) -> SetImageDecision.report(before, container, image));
  }
}
