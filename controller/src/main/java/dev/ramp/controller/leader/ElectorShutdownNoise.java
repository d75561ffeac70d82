package dev.ramp.controller.leader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the ERROR, with a stack trace, that client-java's LeaderElector logs when it is closed: closing
 * interrupts its acquire or renew loop, which is how every normal stop ends. Its other errors still pass.
 */
public final class ElectorShutdownNoise extends TurboFilter {
  private static final String ELECTOR = "io.kubernetes.client.extended.leaderelection.LeaderElector";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == Level.ERROR && logger.getName().equals(ELECTOR) && format != null
        && format.contains("loop gets interrupted")) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
