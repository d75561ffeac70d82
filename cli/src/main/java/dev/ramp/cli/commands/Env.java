package dev.ramp.cli.commands;

import dev.ramp.cli.kube.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may use of the world: environment variables, the clock, a way to wait, its
 * output streams and the terminal. Tests hand in their own.
 */
public record Env(Map<String, String> variables, Clock clock, Sleeper sleeper, PrintWriter out, PrintWriter err,
    Terminal terminal) {

  public Env {
    variables = Map.copyOf(variables);
  }
}
