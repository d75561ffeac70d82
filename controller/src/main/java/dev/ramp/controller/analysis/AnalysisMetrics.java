package dev.ramp.controller.analysis;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.controller.metrics.ControllerMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import jakarta.inject.Singleton;

/**
 * The analysis controller's Prometheus metrics, in the controller's registry: measurements recorded by
 * phase, run reconciles by outcome, runs finished by phase, and measurements under way.
 */
@Singleton
public class AnalysisMetrics {
  private final Counter measurements;
  private final Counter reconciles;
  private final Counter finished;
  private final Gauge inFlight;

  public AnalysisMetrics(ControllerMetrics controller) {
    measurements = Counter.builder()
        .name("ramp_analysis_measurements_total")
        .help("Measurements recorded in AnalysisRun status, by phase (Successful, Failed, Inconclusive, Error)")
        .labelNames("phase")
        .register(controller.registry());
    reconciles = Counter.builder()
        .name("ramp_analysisrun_reconcile_total")
        .help("AnalysisRun reconciles by outcome: measuring, written, unchanged, conflict, stale, failed, error,"
            + " not_leader, gone")
        .labelNames("outcome")
        .register(controller.registry());
    finished = Counter.builder()
        .name("ramp_analysisrun_finished_total")
        .help("AnalysisRuns this controller brought to a verdict, by phase")
        .labelNames("phase")
        .register(controller.registry());
    inFlight = Gauge.builder()
        .name("ramp_analysis_measurements_in_flight")
        .help("AnalysisRuns with a measurement under way or waiting to be recorded")
        .register(controller.registry());
  }

  void measured(AnalysisPhase phase) {
    measurements.labelValues(phase.wireName()).inc();
  }

  void reconciled(String outcome) {
    reconciles.labelValues(outcome).inc();
  }

  void finished(AnalysisPhase phase) {
    finished.labelValues(phase.wireName()).inc();
  }

  void inFlight(int runs) {
    inFlight.set(runs);
  }
}
