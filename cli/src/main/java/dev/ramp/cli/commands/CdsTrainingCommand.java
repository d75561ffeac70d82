package dev.ramp.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, filled in with the class-data-sharing training run. */
@Command(name = "__cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
