package dev.ramp.controller.analysis;

import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.engine.MetricValidation;
import dev.ramp.analysis.prometheus.PrometheusProvider;
import dev.ramp.analysis.prometheus.PrometheusSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import reactor.core.scheduler.Schedulers;

/**
 * The analysis engine's parts, one of each per controller: the compiled-condition cache, the metric
 * checks templates go through, and the Prometheus provider (its circuit breakers are per address and
 * must be shared by every run that queries it).
 */
@Factory
public class AnalysisEngineFactory {

  @Singleton
  Conditions conditions() {
    return new Conditions();
  }

  @Singleton
  MetricValidation metricValidation(Conditions conditions) {
    return new MetricValidation(conditions);
  }

  /** On the controller's Clock (the query's evaluation time and the breakers' time) and Reactor's parallel scheduler. */
  @Singleton
  PrometheusProvider prometheusProvider(Clock clock) {
    return new PrometheusProvider(clock, Schedulers.parallel(), PrometheusSettings.defaults());
  }
}
