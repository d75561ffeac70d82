package dev.ramp.controller.analysis;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.controller.kube.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status writes whose watch events the cache has not shown yet. Until it does, the cached run is
 * the one from before the write, whose status says a measurement is still due: measuring from it would
 * take the slot just recorded a second time. A run whose cached version is the one a write moved from
 * waits for the event instead; an event that never comes lapses after a while.
 */
final class OwnWrites {
  static final Duration LAPSE = Duration.ofSeconds(30);

  private record Written(String movedFrom, Instant lapsesAt) {}

  private final Clock clock;
  private final Map<ObjectKey, Written> written = new ConcurrentHashMap<>();

  OwnWrites(Clock clock) {
    this.clock = clock;
  }

  /** The run's status was written over this resourceVersion. */
  void wrote(ObjectKey run, String fromResourceVersion) {
    written.put(run, new Written(fromResourceVersion, clock.instant().plus(LAPSE)));
  }

  /** Whether the cached run is still the version a write of ours replaced. */
  boolean cacheBehind(ObjectKey key, AnalysisRun cached) {
    Written w = written.get(key);
    if (w == null) {
      return false;
    }
    if (w.movedFrom().equals(cached.getMetadata().getResourceVersion()) && clock.instant().isBefore(w.lapsesAt())) {
      return true;
    }
    written.remove(key, w);
    return false;
  }

  void forget(ObjectKey run) {
    written.remove(run);
  }

  void clear() {
    written.clear();
  }

  int size() {
    return written.size();
  }
}
