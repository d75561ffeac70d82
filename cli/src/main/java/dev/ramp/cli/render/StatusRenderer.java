package dev.ramp.cli.render;

import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.Measurement;
import dev.ramp.api.analysis.MetricResult;
import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.PauseCondition;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutAnalysisRunStatus;
import dev.ramp.api.rollout.RolloutCondition;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.api.rollout.TrafficWeights;
import dev.ramp.api.value.Durations;
import dev.ramp.cli.core.ReplicaSetInfo;
import dev.ramp.cli.core.RolloutSnapshot;
import dev.ramp.cli.core.Rollouts;
import dev.ramp.cli.core.StepPause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One frame of {@code kubectl ramp status}: the rollout's phase, revision and strategy, a progress
 * bar, the weights, the step list with the current step marked, the ReplicaSets with their ready
 * pods, and the latest measurements of the analyses under way. A pure function of what was read
 * and the style: the same view always draws the same text.
 */
public final class StatusRenderer {
  private static final int LABEL = 12;
  private static final int MAX_REPLICA_SETS = 5;
  private static final int MAX_VALUES = 3;

  private StatusRenderer() {}

  public static String render(StatusView view, Style style) {
    List<Line> lines = new ArrayList<>();
    RolloutSnapshot snapshot = view.snapshot();
    Rollout rollout = snapshot.rollout();
    RolloutStatus status = rollout.status();

    lines.add(field("Rollout").add(snapshot.name(), Color.BOLD)
        .add("  (namespace " + Rollouts.namespace(rollout) + ")"));
    lines.add(phaseLine(rollout, style));
    status.message().filter(m -> !m.isBlank()).ifPresent(m -> lines.add(field("Message").add(m)));
    problem(rollout).ifPresent(p -> lines.add(field("Condition").add(p, Color.RED)));
    lines.add(field("Strategy").add(strategy(rollout)));
    lines.add(field("Revision").add(revisions(snapshot)));
    images(snapshot, lines);
    lines.add(progress(snapshot, style));
    weights(snapshot).ifPresent(lines::add);
    lines.add(field("Replicas").add("desired " + Rollouts.desiredReplicas(rollout)
        + "  current " + status.replicas() + "  updated " + status.updatedReplicas()
        + "  ready " + status.readyReplicas() + "  available " + status.availableReplicas()));

    List<CanaryStep> steps = Rollouts.steps(rollout);
    if (!steps.isEmpty()) {
      lines.add(new Line());
      lines.add(new Line().add("Steps", Color.BOLD));
      lines.addAll(steps(view, steps, style));
    }

    List<ReplicaSetInfo> sets = snapshot.replicaSets();
    if (!sets.isEmpty()) {
      lines.add(new Line());
      lines.add(new Line().add("ReplicaSets", Color.BOLD));
      Table table = new Table("  ", List.of("REVISION", "NAME", "ROLE", "READY", "AGE"));
      for (ReplicaSetInfo rs : sets.subList(0, Math.min(MAX_REPLICA_SETS, sets.size()))) {
        String role = role(rollout, rs);
        table.row(List.of(
            Table.Cell.of(rs.revision().isPresent() ? Long.toString(rs.revision().getAsLong()) : "-"),
            Table.Cell.of(rs.name()),
            new Table.Cell(role, roleColor(role)),
            new Table.Cell(rs.ready() + "/" + rs.desired(), rs.ready() >= rs.desired() ? Color.NONE : Color.YELLOW),
            Table.Cell.of(Ages.since(rs.created(), view.now()))));
      }
      lines.addAll(table.lines());
      if (sets.size() > MAX_REPLICA_SETS) {
        lines.add(new Line().add("  (" + (sets.size() - MAX_REPLICA_SETS) + " older not shown)", Color.DIM));
      }
    }

    for (Shown shown : analyses(rollout, view.analysisRuns())) {
      lines.add(new Line());
      lines.addAll(analysis(shown, style));
    }

    return lines.stream().map(l -> l.render(style)).collect(Collectors.joining("\n", "", "\n"));
  }

  /**
   * The rollout's state in one line, for logs that get a line per change:
   * {@code Paused (CanaryPauseStep), step 3/6, canary 20%, revision 4}.
   */
  public static String summary(StatusView view) {
    Rollout rollout = view.snapshot().rollout();
    List<String> parts = new ArrayList<>();
    String phase = rollout.status().phase().map(Object::toString).orElse("Unknown");
    List<String> notes = new ArrayList<>();
    if (Rollouts.isAborted(rollout)) {
      notes.add("aborted");
    }
    rollout.status().pauseConditions().forEach(c -> notes.add(c.reason().toString()));
    if (Rollouts.specPaused(rollout)) {
      notes.add("spec.paused");
    }
    parts.add(notes.isEmpty() ? phase : phase + " (" + String.join(", ", notes) + ")");
    if (Rollouts.isCanary(rollout) && !Rollouts.steps(rollout).isEmpty() && Rollouts.updateInProgress(rollout)) {
      parts.add("step " + Rollouts.stepLabel(rollout));
    }
    Rollouts.weights(rollout).ifPresent(w -> parts.add("canary " + w.canary().weight() + "%"));
    OptionalLong revision = view.snapshot().currentRevision();
    if (revision.isPresent()) {
      parts.add("revision " + revision.getAsLong());
    }
    for (Shown shown : analyses(rollout, view.analysisRuns())) {
      parts.add("analysis " + shown.purpose() + " " + shown.run().status().phase());
    }
    rollout.status().message().filter(m -> !m.isBlank()).ifPresent(parts::add);
    return String.join(", ", parts);
  }

  private static Line field(String label) {
    return new Line().add(pad(label + ":", LABEL));
  }

  private static Line phaseLine(Rollout rollout, Style style) {
    Line line = field("Status");
    Optional<RolloutPhase> phase = rollout.status().phase();
    if (phase.isEmpty()) {
      return line.add("unknown: the controller has not reported yet", Color.YELLOW);
    }
    RolloutPhase p = phase.get();
    String symbol = switch (p) {
      case HEALTHY -> style.done();
      case PROGRESSING -> style.current();
      case PAUSED -> style.paused();
      case DEGRADED -> style.failed();
    };
    line.add(symbol + " " + p, phaseColor(p));
    List<String> notes = new ArrayList<>();
    if (Rollouts.isAborted(rollout)) {
      notes.add("aborted");
    }
    rollout.status().pauseConditions().stream().map(PauseCondition::reason).map(Object::toString).forEach(notes::add);
    if (Rollouts.specPaused(rollout)) {
      notes.add("paused by a person (spec.paused)");
    }
    if (!Rollouts.specObserved(rollout)) {
      notes.add("new spec not yet seen by the controller");
    }
    if (!notes.isEmpty()) {
      line.add(" (" + String.join(", ", notes) + ")");
    }
    return line;
  }

  private static Optional<String> problem(Rollout rollout) {
    return rollout.status().conditions().stream()
        .filter(c -> (c.type().equals(RolloutCondition.INVALID_SPEC) || c.type().equals(RolloutCondition.REPLICA_FAILURE))
            && c.isTrue())
        .findFirst()
        .map(c -> c.type() + ": " + c.message().orElse(c.reason().orElse("")));
  }

  private static String strategy(Rollout rollout) {
    if (Rollouts.isBlueGreen(rollout)) {
      var bg = rollout.spec().strategy().blueGreen().get();
      return "BlueGreen (active " + bg.activeService() + bg.previewService().map(p -> ", preview " + p).orElse("")
          + (bg.autoPromotionEnabled() ? "" : ", promotion by hand") + ")";
    }
    if (Rollouts.isCanary(rollout)) {
      var canary = rollout.spec().strategy().canary().get();
      String routing = canary.istio().map(i -> i.destinationRule().isPresent() ? "Istio subset split" : "Istio host split")
          .orElse("replica ratio");
      return "Canary (" + routing + ")";
    }
    return "-";
  }

  private static String revisions(RolloutSnapshot snapshot) {
    OptionalLong current = snapshot.currentRevision();
    OptionalLong stable = snapshot.stableRevision();
    String text = current.isPresent() ? Long.toString(current.getAsLong())
        : Optional.ofNullable(snapshot.rollout().metadata().getAnnotations())
            .map(a -> a.get(RampMetadataKeys.REVISION)).orElse("-");
    if (stable.isPresent() && !stable.equals(current)) {
      text += "  (stable: " + stable.getAsLong() + ")";
    }
    return text;
  }

  private static void images(RolloutSnapshot snapshot, List<Line> lines) {
    Rollout rollout = snapshot.rollout();
    Map<String, List<String>> byImage = new LinkedHashMap<>();
    for (ReplicaSetInfo rs : snapshot.replicaSets()) {
      String role = role(rollout, rs);
      if (role.equals("old") || rs.desired() == 0 && !role.equals("stable")) {
        continue;
      }
      for (String image : rs.images()) {
        byImage.computeIfAbsent(image, k -> new ArrayList<>()).add(role);
      }
    }
    boolean first = true;
    for (var entry : byImage.entrySet()) {
      lines.add((first ? field("Images") : new Line().add(pad("", LABEL)))
          .add(entry.getKey() + " (" + String.join(", ", entry.getValue()) + ")"));
      first = false;
    }
  }

  private static Line progress(RolloutSnapshot snapshot, Style style) {
    Rollout rollout = snapshot.rollout();
    Line line = field("Progress");
    int barWidth = Math.max(10, Math.min(30, style.width() - LABEL - 20));
    double fraction;
    String label;
    if (Rollouts.isCanary(rollout) && !Rollouts.steps(rollout).isEmpty() && snapshot.isFirstRevision()) {
      fraction = 1.0;
      label = "first revision: deployed without steps";
    } else if (Rollouts.isCanary(rollout) && !Rollouts.steps(rollout).isEmpty()) {
      int steps = Rollouts.steps(rollout).size();
      int index = Rollouts.stepIndex(rollout);
      fraction = Rollouts.updateInProgress(rollout) ? (double) index / steps : 1.0;
      label = Rollouts.updateInProgress(rollout) ? "step " + Rollouts.stepLabel(rollout) : "all steps done";
    } else if (Rollouts.isBlueGreen(rollout)) {
      RolloutStatus status = rollout.status();
      boolean active = status.currentPodHash().isPresent()
          && status.blueGreen().activeSelector().equals(status.currentPodHash());
      fraction = active ? 1.0 : status.currentPodHash().isPresent()
          && status.blueGreen().previewSelector().equals(status.currentPodHash()) ? 0.5 : 0.0;
      label = active ? "new revision active" : fraction > 0 ? "previewing new revision" : "starting new revision";
    } else {
      fraction = Rollouts.updateInProgress(rollout) ? 0.0 : 1.0;
      label = Rollouts.updateInProgress(rollout) ? "updating" : "done";
    }
    if (Rollouts.isAborted(rollout)) {
      label += ", aborted";
    }
    int full = (int) Math.round(fraction * barWidth);
    Color color = Rollouts.isAborted(rollout) ? Color.RED : fraction >= 1.0 ? Color.GREEN : Color.BLUE;
    line.add("[");
    line.add(String.valueOf(style.barFull()).repeat(full), color);
    line.add(String.valueOf(style.barEmpty()).repeat(barWidth - full), Color.DIM);
    line.add("] " + Math.round(fraction * 100) + "%  " + label);
    return line;
  }

  private static Optional<Line> weights(RolloutSnapshot snapshot) {
    Rollout rollout = snapshot.rollout();
    if (Rollouts.isBlueGreen(rollout)) {
      RolloutStatus status = rollout.status();
      String active = status.blueGreen().activeSelector().map(h -> revisionName(snapshot, h)).orElse("-");
      String preview = status.blueGreen().previewSelector().map(h -> revisionName(snapshot, h)).orElse("-");
      return Optional.of(field("Services").add("active -> " + active + "  preview -> " + preview));
    }
    if (!Rollouts.isCanary(rollout)) {
      return Optional.empty();
    }
    Optional<TrafficWeights> weights = Rollouts.weights(rollout);
    Line line = field("Weights");
    if (weights.isPresent()) {
      TrafficWeights w = weights.get();
      line.add("canary " + w.canary().weight() + "%", w.canary().weight() > 0 ? Color.YELLOW : Color.NONE)
          .add("  stable " + w.stable().weight() + "%");
      if (w.verified().filter(v -> !v).isPresent()) {
        line.add("  (not verified at the router yet)", Color.DIM);
      }
    } else {
      int set = Rollouts.updateInProgress(rollout) ? Rollouts.setWeight(rollout) : 0;
      line.add("canary " + set + "%  stable " + (100 - set) + "%").add("  (as set by the steps)", Color.DIM);
    }
    return Optional.of(line);
  }

  private static String revisionName(RolloutSnapshot snapshot, String hash) {
    return snapshot.replicaSet(Optional.of(hash))
        .map(rs -> rs.revision().isPresent() ? "revision " + rs.revision().getAsLong() : rs.name())
        .orElse(hash);
  }

  private static List<Line> steps(StatusView view, List<CanaryStep> steps, Style style) {
    List<Line> lines = new ArrayList<>();
    Rollout rollout = view.snapshot().rollout();
    int index = Rollouts.stepIndex(rollout);
    boolean updating = Rollouts.updateInProgress(rollout);
    // The first deploy skips the steps: none ran, so none is marked done.
    boolean skipped = view.snapshot().isFirstRevision();
    int numberWidth = Integer.toString(steps.size()).length();
    for (int i = 0; i < steps.size(); i++) {
      String mark;
      Color color;
      String note = "";
      if (skipped) {
        mark = style.pending();
        color = Color.DIM;
      } else if (!updating || i < index) {
        mark = style.done();
        color = Color.GREEN;
      } else if (i == index) {
        if (Rollouts.isAborted(rollout)) {
          mark = style.failed();
          color = Color.RED;
          note = "aborted";
        } else if (Rollouts.isPaused(rollout)) {
          mark = style.paused();
          color = Color.YELLOW;
          note = pauseNote(view);
        } else {
          mark = style.current();
          color = Color.BLUE;
          note = "in progress";
        }
      } else {
        mark = style.pending();
        color = Color.DIM;
      }
      Line line = new Line().add("  ").add(mark, color).add(" ")
          .add(String.format("%" + numberWidth + "d", i + 1)).add("  ")
          .add(Rollouts.describe(steps.get(i)), i == index && updating ? Color.BOLD : Color.NONE);
      if (!note.isEmpty()) {
        line.add("  " + note, color);
      }
      lines.add(line);
    }
    return lines;
  }

  /** {@code paused, 12s left} while a timed pause counts down, so that a person watching sees it move. */
  private static String pauseNote(StatusView view) {
    Optional<StepPause> pause = StepPause.of(view.snapshot().rollout(), view.now());
    if (pause.isEmpty()) {
      return "paused";
    }
    if (pause.get() instanceof StepPause.CountingDown countingDown) {
      return "paused, " + Durations.formatCompact(countingDown.left()) + " left";
    }
    if (pause.get() instanceof StepPause.Due) {
      return "resuming";
    }
    return "paused: kubectl ramp promote " + view.snapshot().name() + " to go on";
  }

  /**
   * The frame changes with the clock alone (a timed pause counts down): a live view redraws it at
   * least once a second even when nothing else changes.
   */
  public static boolean changesWithTime(StatusView view) {
    return StepPause.of(view.snapshot().rollout(), view.now())
        .filter(p -> p instanceof StepPause.CountingDown).isPresent();
  }

  static String role(Rollout rollout, ReplicaSetInfo rs) {
    RolloutStatus status = rollout.status();
    boolean current = rs.hasHash(status.currentPodHash());
    boolean stable = rs.hasHash(status.stableRS());
    if (Rollouts.isBlueGreen(rollout)) {
      if (rs.hasHash(status.blueGreen().activeSelector())) {
        return stable || !current ? "active" : "active, new";
      }
      if (rs.hasHash(status.blueGreen().previewSelector())) {
        return "preview";
      }
    }
    if (current && stable) {
      return "stable";
    }
    if (current) {
      return "canary";
    }
    return stable ? "stable" : "old";
  }

  private static Color roleColor(String role) {
    return switch (role) {
      case "canary", "preview" -> Color.YELLOW;
      case "stable", "active" -> Color.GREEN;
      default -> Color.DIM;
    };
  }

  /** A run to show and why. */
  private record Shown(AnalysisRun run, String purpose) {}

  /** The runs the rollout waits on or watches now; else the newest run of the newest revision. */
  private static List<Shown> analyses(Rollout rollout, List<AnalysisRun> runs) {
    if (runs.isEmpty()) {
      return List.of();
    }
    RolloutStatus status = rollout.status();
    List<Shown> shown = new ArrayList<>();
    addNamed(shown, runs, status.canary().currentStepAnalysisRunStatus(), "step " + (Rollouts.stepIndex(rollout) + 1));
    addNamed(shown, runs, status.canary().currentBackgroundAnalysisRunStatus(), "background");
    addNamed(shown, runs, status.blueGreen().prePromotionAnalysisRunStatus(), "pre-promotion");
    addNamed(shown, runs, status.blueGreen().postPromotionAnalysisRunStatus(), "post-promotion");
    if (shown.isEmpty()) {
      Comparator<AnalysisRun> newest = Comparator.comparing(r -> Optional.ofNullable(r.metadata().getCreationTimestamp())
          .map(Object::toString).orElse(""));
      runs.stream()
          .filter(r -> status.currentPodHash().isEmpty() || status.currentPodHash().get().equals(
              Optional.ofNullable(r.metadata().getLabels()).map(l -> l.get(RampMetadataKeys.POD_TEMPLATE_HASH)).orElse(null)))
          .max(newest.thenComparing(r -> r.metadata().getName()))
          .ifPresent(r -> shown.add(new Shown(r, Optional.ofNullable(r.metadata().getLabels())
              .map(l -> l.get(RampMetadataKeys.ANALYSIS)).map(StatusRenderer::purpose).orElse("latest"))));
    }
    return shown;
  }

  /** The controller's label value ({@code step-2}, for the step at index 2) as a person reads it. */
  private static String purpose(String label) {
    if (label.startsWith("step-")) {
      try {
        return "step " + (Integer.parseInt(label.substring("step-".length())) + 1);
      } catch (NumberFormatException e) {
        return label;
      }
    }
    return label;
  }

  private static void addNamed(List<Shown> shown, List<AnalysisRun> runs, Optional<RolloutAnalysisRunStatus> ref,
      String purpose) {
    ref.flatMap(r -> runs.stream().filter(run -> r.name().equals(run.metadata().getName())).findFirst())
        .filter(run -> shown.stream().noneMatch(s -> s.run() == run))
        .ifPresent(run -> shown.add(new Shown(run, purpose)));
  }

  private static List<Line> analysis(Shown shown, Style style) {
    List<Line> lines = new ArrayList<>();
    AnalysisRun run = shown.run();
    AnalysisPhase phase = run.status().phase();
    lines.add(new Line().add("Analysis", Color.BOLD).add("  " + run.metadata().getName() + " (" + shown.purpose() + "): ")
        .add(phase.toString(), analysisColor(phase)));
    run.status().message().filter(m -> !m.isBlank()).ifPresent(m -> lines.add(new Line().add("  " + m, Color.DIM)));
    Table table = new Table("  ", List.of("METRIC", "PHASE", "MEASURED", "LATEST VALUES"));
    List<MetricResult> results = run.status().metricResults();
    Map<String, MetricResult> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.put(r.name(), r));
    List<String> names = new ArrayList<>();
    run.spec().metrics().forEach(m -> names.add(m.name()));
    byName.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    for (String name : names) {
      Optional<MetricResult> result = Optional.ofNullable(byName.get(name));
      AnalysisPhase metricPhase = result.map(MetricResult::phase).orElse(AnalysisPhase.PENDING);
      String measured = result.map(r -> Integer.toString(r.count() + r.error())).orElse("0")
          + run.spec().metric(name).flatMap(m -> m.count()).filter(c -> c.isInteger())
              .map(c -> "/" + c.getIntValue()).orElse("");
      table.row(List.of(
          Table.Cell.of(name + (result.map(MetricResult::dryRun).orElse(false) ? " (dry run)" : "")),
          new Table.Cell(metricPhase.toString(), analysisColor(metricPhase)),
          Table.Cell.of(measured),
          Table.Cell.of(result.map(StatusRenderer::values).orElse("-"))));
    }
    lines.addAll(table.lines());
    for (MetricResult result : results) {
      result.lastMeasurement()
          .filter(m -> m.phase() == AnalysisPhase.ERROR || m.phase() == AnalysisPhase.FAILED || m.noData())
          .flatMap(Measurement::message)
          .ifPresent(m -> lines.add(new Line().add("  " + result.name() + ": " + m, Color.DIM)));
    }
    return lines;
  }

  private static String values(MetricResult result) {
    List<Measurement> measurements = result.measurements();
    List<String> values = new ArrayList<>();
    for (int i = Math.max(0, measurements.size() - MAX_VALUES); i < measurements.size(); i++) {
      Measurement m = measurements.get(i);
      String value = m.value().map(StatusRenderer::unwrap).orElse(m.phase() == AnalysisPhase.ERROR ? "error" : "-");
      values.add(m.noData() ? value + " (no data)" : value);
    }
    return values.isEmpty() ? "-" : String.join(", ", values);
  }

  /** {@code [0.97]} reads as {@code 0.97}; lists of several values stay as they are. */
  private static String unwrap(String value) {
    String v = value.strip();
    if (v.startsWith("[") && v.endsWith("]") && !v.substring(1, v.length() - 1).contains(",")) {
      String inner = v.substring(1, v.length() - 1).strip();
      return inner.isEmpty() ? "[]" : inner;
    }
    return v;
  }

  private static Color phaseColor(RolloutPhase phase) {
    return switch (phase) {
      case HEALTHY -> Color.GREEN;
      case PROGRESSING -> Color.BLUE;
      case PAUSED -> Color.YELLOW;
      case DEGRADED -> Color.RED;
    };
  }

  private static Color analysisColor(AnalysisPhase phase) {
    return switch (phase) {
      case SUCCESSFUL -> Color.GREEN;
      case FAILED, ERROR -> Color.RED;
      case INCONCLUSIVE -> Color.YELLOW;
      case RUNNING -> Color.BLUE;
      case PENDING -> Color.DIM;
    };
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
