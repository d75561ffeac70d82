package dev.ramp.controller.leader;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this replica may write now. Every write checks it first, so a replica that lost its lease
 * stops writing at once, even in the middle of a plan (Argo kept reconciling after losing it, AR#2117).
 */
@Singleton
public class Leadership {
  private final AtomicBoolean leading = new AtomicBoolean();

  public boolean isLeading() {
    return leading.get();
  }

  void set(boolean value) {
    leading.set(value);
  }

  /**
   * Returns when this replica leads.
   *
   * @throws NotLeaderException when it does not
   */
  public void check() {
    if (!leading.get()) {
      throw new NotLeaderException();
    }
  }

  /** A write refused because this replica does not hold the lease. */
  public static final class NotLeaderException extends RuntimeException {
    public NotLeaderException() {
      super("this controller replica does not hold the leader lease; it does not write", null, false, false);
    }
  }
}
