package dev.ramp.analysis.engine;

import dev.ramp.analysis.assessment.MetricLimits;
import dev.ramp.analysis.measurement.MetricCriteria;
import dev.ramp.analysis.prometheus.PrometheusQuery;

/** A metric with its args substituted and its credentials resolved: ready to measure and judge. */
record ResolvedMetric(String name, MetricLimits limits, MetricCriteria criteria, PrometheusQuery query) {}
