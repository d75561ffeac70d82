package dev.ramp.cli;

/**
 * An error a person can act on: the message says what is wrong and where, and is printed without a
 * stack trace; the exit code says what kind of error it was.
 */
public class CliException extends RuntimeException {
  private final ExitCode exitCode;

  public CliException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
