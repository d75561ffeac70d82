package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One scenario: a namespace of its own in the {@link Environment}, a {@link Timeline} of everything that
 * happens in it, and the moves a person makes (apply manifests, change an image, promote, abort) written
 * the way {@code kubectl} and {@code kubectl ramp} write them: with the resourceVersion they were
 * decided on.
 */
public final class Scenario implements AutoCloseable {
  private static final int TIMELINE_LINES_ON_FAILURE = 60;

  private final Environment environment;
  private final String name;
  private final String namespace;
  private final Timeline timeline = new Timeline();
  private final long logMark;
  private final NamespaceWatch watch;
  /** The resourceVersion of the scenario's own last write of each object, so waits see their own writes. */
  private final Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();

  private final boolean ownsNamespace;

  private Scenario(Environment environment, String name, String namespace, boolean createNamespace) {
    this.environment = environment;
    this.name = name;
    this.namespace = namespace;
    this.ownsNamespace = createNamespace;
    this.logMark = environment.controller().logSize();
    if (createNamespace) {
      ObjectNode ns = Kube.JSON.createObjectNode();
      ns.put("apiVersion", "v1");
      ns.put("kind", "Namespace");
      ns.putObject("metadata").put("name", namespace).putObject("labels").put("ramp.dev/e2e", "true");
      environment.kube().create(Kind.NAMESPACE, "", ns);
    }
    this.watch = NamespaceWatch.start(environment.kube(), namespace, NamespaceWatch.ROLLOUT_KINDS, timeline);
  }

  /** Opens a scenario in a new namespace named after it ({@code e2e-NAME-xxxxx}). */
  public static Scenario open(Environment environment, String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    return new Scenario(environment, name, "e2e-" + slug + "-" + suffix, true);
  }

  /** Opens a scenario in a namespace that exists (and stays when the scenario is closed). */
  public static Scenario openIn(Environment environment, String name, String namespace) {
    return new Scenario(environment, name, namespace, false);
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public Environment environment() {
    return environment;
  }

  public Kube kube() {
    return environment.kube();
  }

  public ControllerProcess controller() {
    return environment.controller();
  }

  public Timeline timeline() {
    return timeline;
  }

  /** The latest state seen. */
  public World now() {
    return timeline.now();
  }

  // ----- applying manifests

  /**
   * Applies a manifest from the classpath ({@code manifests/NAME.yaml}) into the scenario's namespace,
   * with {@code ${NAMESPACE}} and the given placeholders filled in.
   */
  public void apply(String resource, Map<String, String> values) {
    applyYaml(Manifest.fill(read("manifests/" + resource + ".yaml"), withNamespace(values)));
  }

  public void apply(String resource) {
    apply(resource, Map.of());
  }

  /** Applies manifest text (any number of documents) into the scenario's namespace. */
  public void applyYaml(String yaml) {
    applyObjects(Manifest.parse(environment.images().resolveIn(yaml)));
  }

  /** Applies objects into the scenario's namespace, in order. */
  public void applyObjects(List<ObjectNode> objects) {
    for (ObjectNode object : objects) {
      wrote(kube().apply(object, namespace));
    }
  }

  private Map<String, String> withNamespace(Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.putIfAbsent("NAMESPACE", namespace);
    return all;
  }

  private static String read(String resource) {
    try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no manifest " + resource + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ----- what a person does

  /** {@code kubectl ramp set image}: the first container's image of the Rollout's pod template. */
  public void setImage(String rollout, String image) {
    String resolved = environment.images().resolve(image);
    wrote(kube().update(Kind.ROLLOUT, namespace, rollout, r -> {
      ((ObjectNode) r.at("/spec/template/spec/containers/0")).put("image", resolved);
      return r;
    }));
  }

  /** Any change to the Rollout's spec, written with the resourceVersion it was made on. */
  public void editRollout(String rollout, UnaryOperator<ObjectNode> change) {
    wrote(kube().update(Kind.ROLLOUT, namespace, rollout, change));
  }

  /** {@code kubectl ramp promote}: {@code spec.paused=false} and the pause conditions cleared. */
  public void promote(String rollout) {
    ObjectNode current = kube().require(Kind.ROLLOUT, namespace, rollout);
    if (current.at("/spec/paused").asBoolean(false)) {
      wrote(kube().update(Kind.ROLLOUT, namespace, rollout, r -> {
        ((ObjectNode) r.path("spec")).put("paused", false);
        return r;
      }));
    }
    wrote(kube().updateStatus(Kind.ROLLOUT, namespace, rollout, r -> {
      JsonNode status = r.path("status");
      if (status instanceof ObjectNode s) {
        s.remove("pauseConditions");
      }
      return r;
    }));
  }

  /** {@code kubectl ramp promote --full}: {@code status.promoteFull=true}. */
  public void promoteFull(String rollout) {
    setStatusFlag(rollout, "promoteFull", true);
  }

  /** {@code kubectl ramp abort}: {@code status.abort=true}. */
  public void abort(String rollout) {
    setStatusFlag(rollout, "abort", true);
  }

  /** {@code kubectl ramp retry}: {@code status.abort=false}. */
  public void retry(String rollout) {
    setStatusFlag(rollout, "abort", false);
  }

  private void setStatusFlag(String rollout, String field, boolean value) {
    wrote(kube().updateStatus(Kind.ROLLOUT, namespace, rollout, r -> {
      JsonNode status = r.path("status");
      ObjectNode s = status instanceof ObjectNode o ? o : r.putObject("status");
      s.put(field, value);
      return r;
    }));
  }

  /** Changes an object by hand (read, change, write with its resourceVersion). */
  public ObjectNode edit(Kind kind, String object, UnaryOperator<ObjectNode> change) {
    return wrote(kube().update(kind, namespace, object, change));
  }

  /** Remembers a write so that the next wait starts from a state that includes it. */
  private ObjectNode wrote(ObjectNode object) {
    String kind = object.path("kind").asText();
    if (NamespaceWatch.ROLLOUT_KINDS.stream().noneMatch(k -> k.kind().equals(kind))) {
      return object; // not watched: nothing to wait for
    }
    written.merge(object.path("kind").asText() + "/" + object.at("/metadata/name").asText(),
        object.at("/metadata/resourceVersion").asLong(0), Math::max);
    return object;
  }

  /** Whether the state includes the scenario's own writes (that version of each object or a later one). */
  private boolean includesOwnWrites(World world) {
    for (Map.Entry<String, Long> write : written.entrySet()) {
      String[] kindAndName = write.getKey().split("/", 2);
      long seen = world.versionOf(kindAndName[0], kindAndName[1]);
      if (seen < write.getValue()) {
        return false;
      }
    }
    return true;
  }

  // ----- waiting

  /**
   * Waits until the condition holds on what the watches show, at most {@code timeout}.
   *
   * @return the state in which it held
   * @throws AssertionError saying what did not happen, with every Rollout's status and the timeline's end
   */
  public World await(String what, Duration timeout, Predicate<World> condition) {
    try {
      return timeline.await(w -> includesOwnWrites(w) && condition.test(w), timeout).orElseThrow(() -> new AssertionError(what + " did not happen within "
          + timeout.toMillis() / 1000.0 + " s.\n" + rolloutStatuses() + "\nTimeline (end):\n"
          + timeline.renderTail(TIMELINE_LINES_ON_FAILURE)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for: " + what, e);
    }
  }

  /**
   * Waits until a VirtualService route gives {@code host} this weight. Use it rather than reading
   * {@link #now()} right after a Rollout wait: the controller writes the VirtualService before the
   * Rollout's status, but the two watches may deliver those events in the other order.
   */
  public World awaitWeight(String virtualService, String route, String host, int weight, Duration timeout) {
    return await(virtualService + " route " + route + " giving " + host + " " + weight + "%", timeout,
        w -> w.weight(virtualService, route, host).equals(Optional.of(weight)));
  }

  /** Waits until the Rollout satisfies the condition. */
  public World awaitRollout(String rollout, String what, Duration timeout, Predicate<RolloutView> condition) {
    return await("Rollout " + rollout + ": " + what, timeout, w -> condition.test(w.rollout(rollout)));
  }

  /** Waits until the Rollout is Healthy at its latest spec with its current revision stable. */
  public World awaitHealthy(String rollout, Duration timeout) {
    return awaitRollout(rollout, "Healthy at its latest spec", timeout, RolloutView::healthy);
  }

  /** Waits until the Rollout is at a canary step (0-based index), at its latest spec. */
  public World awaitStep(String rollout, int index, Duration timeout) {
    return awaitRollout(rollout, "at step " + (index + 1), timeout, r -> r.observed() && r.stepIndex() == index);
  }

  /** Waits until the Rollout has a revision for this image (first container) and returns its hash. */
  public String awaitRevision(String rollout, String image, Duration timeout) {
    String resolved = environment.images().resolve(image);
    return await("a ReplicaSet of " + rollout + " with image " + resolved, timeout,
        w -> w.replicaSetWithImage(rollout, resolved).isPresent())
        .replicaSetWithImage(rollout, resolved).orElseThrow().hash();
  }

  /** Waits for an Event of this reason about the Rollout and returns the first. */
  public EventView awaitEvent(String rollout, String reason, Duration timeout) {
    return await("an Event " + reason + " about Rollout " + rollout, timeout,
        w -> w.events(rollout).stream().anyMatch(e -> e.reason().equals(reason)))
        .events(rollout).stream().filter(e -> e.reason().equals(reason)).findFirst().orElseThrow();
  }

  /** Waits until there are {@code count} Events of this reason about the Rollout and returns them all. */
  public List<EventView> awaitEvents(String rollout, String reason, int count, Duration timeout) {
    return await(count + " Events " + reason + " about Rollout " + rollout, timeout,
        w -> w.events(rollout).stream().filter(e -> e.reason().equals(reason)).count() >= count)
        .events(rollout).stream().filter(e -> e.reason().equals(reason)).toList();
  }

  /** The Events about a Rollout so far. */
  public List<EventView> events(String rollout) {
    return now().events(rollout);
  }

  // ----- reporting

  /** Every Rollout in the namespace with its status, as YAML. */
  public String rolloutStatuses() {
    StringBuilder out = new StringBuilder();
    for (ObjectNode rollout : now().all(Kind.ROLLOUT)) {
      out.append("Rollout ").append(rollout.at("/metadata/name").asText())
          .append(" (generation ").append(rollout.at("/metadata/generation").asText()).append("):\n");
      JsonNode status = rollout.path("status");
      out.append(status.isMissingNode() ? "  (no status)\n" : Manifest.yaml(status).indent(2));
    }
    return out.length() == 0 ? "(no Rollout in namespace " + namespace + ")\n" : out.toString();
  }

  /** The whole timeline and what the controller logged since the scenario began: printed when it fails. */
  public String report() {
    return "===== scenario " + name + " (namespace " + namespace + ", " + environment.describe() + ")\n"
        + "----- timeline\n" + timeline.render()
        + "----- rollouts\n" + rolloutStatuses()
        + "----- controller log since the scenario began (" + environment.controller().log() + ")\n"
        + environment.controller().logSince(logMark)
        + "===== end of scenario " + name + "\n";
  }

  /** Stops watching and deletes the scenario's own namespace (the server deletes what is in it). */
  @Override
  public void close() {
    watch.close();
    if (!ownsNamespace) {
      return;
    }
    try {
      kube().delete(Kind.NAMESPACE, "", namespace);
    } catch (KubeException e) {
      // the namespace outlives a failed clean-up; a fresh one is used next time
    }
  }
}
