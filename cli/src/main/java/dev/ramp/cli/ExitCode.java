package dev.ramp.cli;

/**
 * The plugin's exit codes, one meaning each, so that a CI pipeline can tell "the rollout failed"
 * from "the plugin could not reach the cluster".
 */
public enum ExitCode {
  /** Done: the rollout is Healthy, or the command did what it was asked. */
  OK(0),
  /** The rollout is Degraded or aborted (status), or lint found errors. */
  FAILED(1),
  /** The command line is wrong (picocli's own code for usage errors). */
  USAGE(2),
  /** Still under way when we stopped: status timed out, or the controller did not acknowledge a write in time. */
  NOT_FINISHED(3),
  /** The command makes no sense in the rollout's current state; nothing was written. */
  REFUSED(4),
  /** The cluster could not be used: no such rollout, forbidden, unreachable, invalid kubeconfig. */
  CLUSTER(5),
  /** A bug in the plugin; {@code RAMP_DEBUG=1} prints the stack trace. */
  INTERNAL(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
