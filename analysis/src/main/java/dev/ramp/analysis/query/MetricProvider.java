package dev.ramp.analysis.query;

import reactor.core.publisher.Mono;

/**
 * Takes one measurement from a metrics backend. The returned Mono does not block the subscriber's
 * thread and never fails: every way a query can go wrong is a {@link QueryResult.Failure}.
 *
 * @param <Q> the provider's resolved query
 */
@FunctionalInterface
public interface MetricProvider<Q> {
  Mono<QueryResult> query(Q query);
}
