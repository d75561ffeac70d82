package dev.ramp.analysis.query;

import java.util.List;

/**
 * What one query of a metric provider gave: numbers, no data (told apart from errors, since an idle
 * canary legitimately has none), or a failure to get an answer at all.
 */
public sealed interface QueryResult {

  /** Classifies values as a provider read them: empty, or every value NaN, is no data. */
  static QueryResult of(List<Double> values) {
    if (values.isEmpty()) {
      return new NoData(NoData.Kind.EMPTY, List.of());
    }
    if (values.stream().allMatch(v -> v.isNaN())) {
      return new NoData(NoData.Kind.NAN, values);
    }
    return new Values(values);
  }

  /** At least one value that is a number (some may still be NaN: one series of several without traffic). */
  record Values(List<Double> values) implements QueryResult {
    public Values {
      values = List.copyOf(values);
    }
  }

  /**
   * The query ran but measured nothing: an empty vector (no series matched) or only NaN (typically 0/0,
   * a rate over no requests). The values are kept as they came so conditions can still look at them.
   */
  record NoData(Kind kind, List<Double> values) implements QueryResult {
    public NoData {
      values = List.copyOf(values);
    }

    /** Which kind of nothing. */
    public enum Kind {
      EMPTY("the query returned an empty vector"),
      NAN("the query returned NaN");

      private final String reason;

      Kind(String reason) {
        this.reason = reason;
      }
    }

    /** Why there is no data, in words for a measurement's message. */
    public String reason() {
      return kind.reason;
    }
  }

  /** No usable answer: the provider was unreachable, slow, refused the query or answered garbage. */
  record Failure(String message) implements QueryResult {}
}
