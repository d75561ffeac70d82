package dev.ramp.controller.execute;

import java.time.Duration;
import java.util.Optional;

/** How carrying out a plan ended. */
public sealed interface Execution {

  /**
   * Every action, the status and the events were written.
   *
   * @param writes API writes made (actions that changed nothing are not counted)
   * @param statusWritten the status differed and was written
   * @param requeueAfter when the plan asked to look again
   */
  record Done(int writes, boolean statusWritten, Optional<Duration> requeueAfter) implements Execution {}

  /**
   * An object moved since it was read (409, or a failed resourceVersion test): nothing after it was
   * done; re-read and re-plan.
   */
  record Conflict(String step, String detail) implements Execution {}

  /** A write failed otherwise; nothing after it was done. */
  record Failed(String step, String detail) implements Execution {}

  /** This replica lost the lease; nothing after that moment was written. */
  record NotLeader() implements Execution {}
}
