package dev.ramp.controller.metrics;

import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.controller.kube.ObjectKey;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's Prometheus metrics: reconciles by outcome and how long they took, each Rollout's
 * phase, and whether this replica leads. Registered in the controller's own registry, which the ops
 * endpoint serves.
 */
@Singleton
public class ControllerMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter reconciles;
  private final Histogram durations;
  private final Gauge phases;
  private final Gauge leader;
  private final Map<ObjectKey, RolloutPhase> lastPhase = new ConcurrentHashMap<>();

  public ControllerMetrics() {
    reconciles = Counter.builder()
        .name("ramp_reconcile_total")
        .help("Rollout reconciles by outcome: done, conflict, failed, error, waiting, not_leader, gone")
        .labelNames("outcome")
        .register(registry);
    durations = Histogram.builder()
        .name("ramp_reconcile_duration_seconds")
        .help("How long a Rollout reconcile took, from reading the caches to the last write")
        .labelNames("outcome")
        .classicOnly()
        .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
        .register(registry);
    phases = Gauge.builder()
        .name("ramp_rollout_phase")
        .help("1 for the phase each Rollout is in (Healthy, Progressing, Paused, Degraded)")
        .labelNames("namespace", "name", "phase")
        .register(registry);
    leader = Gauge.builder()
        .name("ramp_leader")
        .help("1 while this controller replica holds the leader lease")
        .register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public void reconciled(String outcome, Duration took) {
    reconciles.labelValues(outcome).inc();
    durations.labelValues(outcome).observe(took.toNanos() / 1e9);
  }

  /** Records a Rollout's phase as written (or read); nothing for a Rollout without one yet. */
  public void phase(ObjectKey rollout, Optional<RolloutPhase> phase) {
    if (phase.isEmpty()) {
      return;
    }
    RolloutPhase before = lastPhase.put(rollout, phase.get());
    if (before != null && before != phase.get()) {
      phases.remove(rollout.namespace(), rollout.name(), before.wireName());
    }
    phases.labelValues(rollout.namespace(), rollout.name(), phase.get().wireName()).set(1);
  }

  /** Drops a deleted Rollout's series. */
  public void forget(ObjectKey rollout) {
    RolloutPhase before = lastPhase.remove(rollout);
    if (before != null) {
      phases.remove(rollout.namespace(), rollout.name(), before.wireName());
    }
  }

  public void leading(boolean leading) {
    leader.set(leading ? 1 : 0);
  }
}
