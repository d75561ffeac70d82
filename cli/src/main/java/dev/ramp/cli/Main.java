package dev.ramp.cli;

import dev.ramp.cli.commands.CommandFactory;
import dev.ramp.cli.commands.Env;
import dev.ramp.cli.commands.RampCommand;
import dev.ramp.cli.commands.Terminal;
import dev.ramp.cli.kube.Sleeper;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code kubectl-ramp}: kubectl runs it as {@code kubectl ramp ...}. Errors a person can act on
 * are printed as one sentence, without a stack trace; the exit code says what kind of error it was.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // client-java logs through SLF4J; without a provider SLF4J warns on stderr at every start.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Map<String, String> variables = System.getenv();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Env env = new Env(variables, Clock.systemUTC(), Sleeper.SYSTEM, out, err, Terminal.detect(variables));
    int code = run(args, env);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line in this environment and returns the exit code. */
  public static int run(String[] args, Env env) {
    CommandLine commandLine = new CommandLine(new RampCommand(), new CommandFactory(env));
    commandLine.setOut(env.out());
    commandLine.setErr(env.err());
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      env.err().println("error: " + exception.getMessage());
      exception.getCommandLine().usage(env.err());
      env.err().flush();
      return ExitCode.USAGE.code();
    });
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      if (exception instanceof CliException cli) {
        env.err().println("error: " + cli.getMessage());
        env.err().flush();
        return cli.exitCode().code();
      }
      env.err().println("error: unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
          + " (a bug in kubectl-ramp; RAMP_DEBUG=1 prints where)");
      if (!env.variables().getOrDefault("RAMP_DEBUG", "").isEmpty()) {
        exception.printStackTrace(env.err());
      }
      env.err().flush();
      return ExitCode.INTERNAL.code();
    });
    return commandLine.execute(args);
  }
}
