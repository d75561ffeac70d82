package dev.ramp.analysis.engine;

import dev.ramp.analysis.args.Args;
import dev.ramp.analysis.condition.Conditions;
import dev.ramp.analysis.prometheus.PrometheusAuth;
import dev.ramp.api.analysis.Argument;
import dev.ramp.api.analysis.HttpHeader;
import dev.ramp.api.analysis.Metric;
import dev.ramp.api.analysis.PrometheusMetric;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks analysis metrics before any run uses them, as the controller does on a template and
 * {@code kubectl ramp lint} does on a file: conditions compile (with position), args referenced are
 * declared, durations, counts and limits read, the address is a URL. Each problem names its field,
 * {@code metrics[0].successCondition: ...}.
 */
public final class MetricValidation {

  private final Conditions conditions;

  public MetricValidation(Conditions conditions) {
    this.conditions = conditions;
  }

  /** A field and what is wrong with it. */
  public record Problem(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  /** Every problem of a template's (or a run's) metrics and args; empty when they are fine. */
  public List<Problem> validate(List<Metric> metrics, List<Argument> args) {
    List<Problem> problems = new ArrayList<>();
    if (metrics.isEmpty()) {
      problems.add(new Problem("metrics", "at least one metric is needed: nothing would judge the revision"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = metrics.get(i);
      String path = "metrics[" + i + "]";
      if (metric.name() != null && !names.add(metric.name())) {
        problems.add(new Problem(path + ".name", "\"" + metric.name() + "\" is used by an earlier metric too"));
      }
      problems.addAll(validate(metric, args, path));
    }
    return problems;
  }

  /**
   * The problems of one metric.
   *
   * @param args the args declared beside it (with default values, if any)
   * @param path where the metric is, for the field names ({@code metrics[2]})
   */
  public List<Problem> validate(Metric metric, List<Argument> args, String path) {
    List<Problem> problems = new ArrayList<>();
    Consumer<Problem> add = problems::add;
    if (metric.name() == null || metric.name().isBlank()) {
      add.accept(new Problem(path + ".name", "a metric needs a name"));
    }
    // For checking, args take their declared value, or a number where none is declared.
    Map<String, String> stand = new HashMap<>();
    Set<String> declared = new HashSet<>();
    for (Argument arg : args) {
      declared.add(arg.name());
      stand.put(arg.name(), arg.value().orElse("0"));
    }
    Args standIns = Args.of(stand);
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    metric.interval().ifPresent(v -> texts.put("interval", v));
    metric.initialDelay().ifPresent(v -> texts.put("initialDelay", v));
    metric.successCondition().ifPresent(v -> texts.put("successCondition", v));
    metric.failureCondition().ifPresent(v -> texts.put("failureCondition", v));
    metric.count().filter(c -> !c.isInteger()).ifPresent(v -> texts.put("count", v.getStrValue()));
    Optional<PrometheusMetric> prometheus = metric.prometheus();
    if (prometheus.isEmpty()) {
      add.accept(new Problem(path + ".provider", "provider.prometheus is required (the only provider so far)"));
    } else {
      texts.put("provider.prometheus.address", prometheus.get().address() == null ? "" : prometheus.get().address());
      texts.put("provider.prometheus.query", prometheus.get().query() == null ? "" : prometheus.get().query());
      List<HttpHeader> headers = prometheus.get().headers();
      for (int h = 0; h < headers.size(); h++) {
        texts.put("provider.prometheus.headers[" + h + "].value", headers.get(h).value());
      }
    }
    texts.forEach((field, text) -> {
      for (String name : Args.referenced(text)) {
        if (!declared.contains(name)) {
          add.accept(new Problem(path + "." + field, "uses {{args." + name + "}}, but no arg \"" + name + "\" is declared"));
        }
      }
    });
    if (!problems.isEmpty()) {
      return problems;
    }
    prometheus.ifPresent(p -> {
      if (p.query() == null || p.query().isBlank()) {
        add.accept(new Problem(path + ".provider.prometheus.query", "a query is required"));
      }
      if (p.address() == null || p.address().isBlank()) {
        add.accept(new Problem(path + ".provider.prometheus.address", "an address is required"));
      } else if (Args.referenced(p.address()).isEmpty()) {
        addressProblem(p.address()).ifPresent(m -> add.accept(new Problem(path + ".provider.prometheus.address", m)));
      }
    });
    if (!problems.isEmpty()) {
      return problems;
    }
    ResolvedMetric resolved;
    try {
      resolved = MetricResolver.resolve(metric, standIns, PrometheusAuth.none());
    } catch (IllegalArgumentException e) {
      add.accept(new Problem(path, e.getMessage()));
      return problems;
    }
    metric.successCondition().ifPresent(c -> conditions.check(standIns.resolve(c, "successCondition"))
        .ifPresent(p -> add.accept(new Problem(path + ".successCondition", p.describe()))));
    metric.failureCondition().ifPresent(c -> conditions.check(standIns.resolve(c, "failureCondition"))
        .ifPresent(p -> add.accept(new Problem(path + ".failureCondition", p.describe()))));
    if (resolved.limits().count().filter(c -> c > 1).isPresent() && resolved.limits().interval().isEmpty()) {
      add.accept(new Problem(path + ".interval", "count " + resolved.limits().count().get()
          + " needs an interval between measurements"));
    }
    return problems;
  }

  /** Why a resolved metric's conditions cannot run, if they cannot. */
  Optional<String> conditionProblems(Metric metric, ResolvedMetric resolved) {
    for (Optional<String> condition : List.of(resolved.criteria().successCondition(), resolved.criteria().failureCondition())) {
      if (condition.isPresent()) {
        Optional<String> problem = conditions.check(condition.get()).map(p -> "condition " + p.describe());
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> addressProblem(String address) {
    try {
      URI uri = URI.create(address.strip());
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        return Optional.of("\"" + address + "\" is not an http:// or https:// URL with a host");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("\"" + address + "\" is not a URL: " + e.getMessage());
    }
  }
}
