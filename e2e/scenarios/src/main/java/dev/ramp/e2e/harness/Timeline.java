package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything a scenario's watches saw, in the server's order (resourceVersion): the Rollouts, their
 * ReplicaSets and pods, Services, VirtualServices, DestinationRules, AnalysisRuns and Events. Tests
 * replay it as a sequence of {@link World}s to check the order of things ("the weight was 0 before the
 * pods went") and wait on it for what they expect next.
 */
public final class Timeline {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final Instant start = Instant.now();
  private final List<Change> changes = new ArrayList<>();
  private final Map<String, ObjectNode> latest = new HashMap<>();
  private final Map<String, Long> latestRv = new HashMap<>();
  private final List<Consumer<World>> listeners = new CopyOnWriteArrayList<>();
  private long lastRv;
  private Instant lastSeen = start;

  /** When the timeline started. */
  public Instant start() {
    return start;
  }

  /** Records one watch event; a version older than one already recorded (a re-list) is ignored. */
  void record(Kind kind, String type, ObjectNode object) {
    World world;
    synchronized (this) {
      String name = object.at("/metadata/name").asText();
      long rv = object.at("/metadata/resourceVersion").asLong(0);
      String key = World.key(kind, name);
      Long known = latestRv.get(key);
      if (known != null && rv <= known) {
        return;
      }
      Change change = new Change(Instant.now(), rv, type, kind, object);
      changes.add(change);
      latestRv.put(key, rv);
      if (change.deleted()) {
        latest.remove(key);
      } else {
        latest.put(key, object);
      }
      lastRv = Math.max(lastRv, rv);
      lastSeen = change.seen();
      world = new World(latest, lastSeen, lastRv);
      notifyAll();
    }
    listeners.forEach(listener -> listener.accept(world));
  }

  /** The latest state seen. */
  public synchronized World now() {
    return new World(latest, lastSeen, lastRv);
  }

  /** Calls the listener with every new state (on the watch's thread: it must return quickly). */
  public void onChange(Consumer<World> listener) {
    listeners.add(listener);
    listener.accept(now());
  }

  /** The changes in the server's order. */
  public synchronized List<Change> changes() {
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingLong(Change::resourceVersion));
    return sorted;
  }

  /** The state after each change, in the server's order. */
  public List<World> history() {
    List<World> worlds = new ArrayList<>();
    Map<String, ObjectNode> state = new HashMap<>();
    for (Change change : changes()) {
      String key = World.key(change.kind(), change.name());
      if (change.deleted()) {
        state.remove(key);
      } else {
        state.put(key, change.object());
      }
      worlds.add(new World(state, change.seen(), change.resourceVersion()));
    }
    return worlds;
  }

  /** The states after a given one (by resourceVersion), in the server's order. */
  public List<World> since(World mark) {
    return history().stream().filter(w -> w.resourceVersion() > mark.resourceVersion()).toList();
  }

  /**
   * The successive distinct values of something over the history (consecutive repeats collapsed,
   * absent values skipped): e.g. the canary weights a VirtualService went through.
   */
  public <T> List<T> distinct(Function<World, Optional<T>> value) {
    return distinct(history(), value);
  }

  /** {@link #distinct(Function)} over part of the history. */
  public static <T> List<T> distinct(List<World> worlds, Function<World, Optional<T>> value) {
    List<T> out = new ArrayList<>();
    for (World world : worlds) {
      value.apply(world).ifPresent(v -> {
        if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1), v)) {
          out.add(v);
        }
      });
    }
    return out;
  }

  /** The first state in the history where the condition holds. */
  public Optional<World> first(Predicate<World> condition) {
    return history().stream().filter(condition).findFirst();
  }

  /** The position of the first state where the condition holds, from {@code from} on; -1 when none. */
  public static int indexOf(List<World> worlds, int from, Predicate<World> condition) {
    for (int i = Math.max(0, from); i < worlds.size(); i++) {
      if (condition.test(worlds.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first state where {@code then} holds after the first state where {@code first} held: "the
   * weight went back to 0 after it had been 80".
   *
   * @throws AssertionError when the history has no such pair
   */
  public static World after(List<World> worlds, String what, Predicate<World> first, Predicate<World> then) {
    int i = indexOf(worlds, 0, first);
    int j = i < 0 ? -1 : indexOf(worlds, i, then);
    if (j < 0) {
      throw new AssertionError("the timeline has no state where " + what);
    }
    return worlds.get(j);
  }

  /**
   * Waits until the latest state satisfies the condition, at most {@code timeout}.
   *
   * @return the state that did, or empty on timeout
   */
  public synchronized Optional<World> await(Predicate<World> condition, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      World world = new World(latest, lastSeen, lastRv);
      if (condition.test(world)) {
        return Optional.of(world);
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        return Optional.empty();
      }
      // the bound also re-checks conditions on time alone (a deadline passing) without a change
      wait(Math.min(left, 200));
    }
  }

  /** The timeline as lines a person reads: each change that altered an object's summary, with time since start. */
  public String render() {
    StringBuilder out = new StringBuilder();
    Map<String, String> summaries = new HashMap<>();
    for (Change change : changes()) {
      String key = World.key(change.kind(), change.name());
      String summary = change.deleted() ? "deleted" : summarize(change.kind(), change.object());
      if (summary == null || summary.equals(summaries.get(key))) {
        continue;
      }
      summaries.put(key, summary);
      out.append(String.format("%s +%6.2fs  %-15s %-28s %s%n",
          LocalTime.ofInstant(change.seen(), ZoneId.systemDefault()).format(CLOCK),
          Duration.between(start, change.seen()).toMillis() / 1000.0,
          change.kind().kind(), change.name(), summary));
    }
    return out.toString();
  }

  /** The last lines of {@link #render()}. */
  public String renderTail(int lines) {
    String[] all = render().split("\n");
    int from = Math.max(0, all.length - lines);
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append("  (").append(from).append(" earlier lines)\n");
    }
    for (int i = from; i < all.length; i++) {
      out.append(all[i]).append('\n');
    }
    return out.toString();
  }

  /** What a change shows of an object; null for changes not worth a line. */
  static String summarize(Kind kind, ObjectNode object) {
    return switch (kind.kind()) {
      case "Rollout" -> new RolloutView(object.at("/metadata/name").asText(), object).summary();
      case "ReplicaSet" -> new ReplicaSetView(object).summary();
      case "VirtualService" -> new VirtualServiceView(object).summary();
      case "Service" -> "selector " + object.at("/spec/selector");
      case "DestinationRule" -> subsets(object);
      case "Event" -> new EventView(object).toString();
      case "Pod" -> podSummary(object);
      case "AnalysisRun" -> analysisRunSummary(object);
      default -> null;
    };
  }

  private static String subsets(JsonNode rule) {
    StringBuilder out = new StringBuilder("subsets");
    for (JsonNode subset : rule.at("/spec/subsets")) {
      out.append(' ').append(subset.path("name").asText()).append('=').append(subset.path("labels"));
    }
    return out.toString();
  }

  private static String podSummary(JsonNode pod) {
    boolean ready = false;
    for (JsonNode c : pod.at("/status/conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        ready = c.path("status").asText().equals("True");
      }
    }
    String phase = pod.at("/status/phase").asText();
    String deleting = pod.at("/metadata/deletionTimestamp").isMissingNode() ? "" : ", terminating";
    return (phase.isEmpty() ? "Pending" : phase) + (ready ? ", ready" : ", not ready") + deleting;
  }

  private static String analysisRunSummary(JsonNode run) {
    StringBuilder out = new StringBuilder(run.at("/status/phase").asText("(no status)"));
    if (run.at("/spec/terminate").asBoolean(false)) {
      out.append(", terminate");
    }
    for (JsonNode metric : run.at("/status/metricResults")) {
      out.append("; ").append(metric.path("name").asText()).append(' ').append(metric.path("phase").asText());
      JsonNode measurements = metric.path("measurements");
      if (measurements.size() > 0) {
        JsonNode last = measurements.get(measurements.size() - 1);
        out.append(" (").append(measurements.size()).append(" measurements, last ")
            .append(last.path("value").asText(last.path("phase").asText())).append(')');
      }
    }
    String message = run.at("/status/message").asText();
    if (!message.isEmpty()) {
      out.append(": ").append(message);
    }
    return out.toString();
  }
}
