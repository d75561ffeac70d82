package dev.ramp.cli.render;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.cli.core.Rollouts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code kubectl ramp list}: one row per Rollout, sorted by namespace and name. */
public final class ListRenderer {
  private ListRenderer() {}

  public static String render(List<Rollout> rollouts, boolean allNamespaces, Instant now, Style style) {
    List<String> header = new ArrayList<>();
    if (allNamespaces) {
      header.add("NAMESPACE");
    }
    header.addAll(List.of("NAME", "STRATEGY", "STATUS", "STEP", "WEIGHT", "READY", "AGE"));
    Table table = new Table("", header);
    rollouts.stream()
        .sorted(Comparator.comparing(Rollouts::namespace).thenComparing(Rollouts::name))
        .forEach(r -> {
          List<Table.Cell> row = new ArrayList<>();
          if (allNamespaces) {
            row.add(Table.Cell.of(Rollouts.namespace(r)));
          }
          row.add(Table.Cell.of(Rollouts.name(r)));
          row.add(Table.Cell.of(Rollouts.strategyName(r)));
          row.add(status(r));
          row.add(Table.Cell.of(Rollouts.isCanary(r) && !Rollouts.steps(r).isEmpty() ? Rollouts.stepLabel(r) : "-"));
          row.add(Table.Cell.of(weight(r)));
          row.add(Table.Cell.of(r.status().availableReplicas() + "/" + Rollouts.desiredReplicas(r)));
          row.add(Table.Cell.of(Ages.since(Optional.ofNullable(r.metadata().getCreationTimestamp())
              .map(t -> t.toInstant()), now)));
          table.row(row);
        });
    return table.lines().stream().map(l -> l.render(style)).collect(Collectors.joining("\n", "", "\n"));
  }

  private static Table.Cell status(Rollout rollout) {
    Optional<RolloutPhase> phase = Rollouts.phase(rollout);
    if (phase.isEmpty()) {
      return new Table.Cell("Unknown", Color.DIM);
    }
    String text = phase.get().toString() + (Rollouts.isAborted(rollout) ? " (aborted)" : "");
    Color color = switch (phase.get()) {
      case HEALTHY -> Color.GREEN;
      case PROGRESSING -> Color.BLUE;
      case PAUSED -> Color.YELLOW;
      case DEGRADED -> Color.RED;
    };
    return new Table.Cell(text, color);
  }

  private static String weight(Rollout rollout) {
    if (!Rollouts.isCanary(rollout)) {
      return "-";
    }
    return Rollouts.canaryWeight(rollout).isPresent() ? Rollouts.canaryWeight(rollout).getAsInt() + "%" : "-";
  }
}
