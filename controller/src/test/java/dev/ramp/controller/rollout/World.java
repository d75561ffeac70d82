package dev.ramp.controller.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisPhase;
import dev.ramp.api.revision.PodTemplateHash;
import dev.ramp.api.rollout.AnalysisTemplateRef;
import dev.ramp.api.rollout.BackgroundAnalysis;
import dev.ramp.api.rollout.BlueGreenStrategy;
import dev.ramp.api.rollout.CanaryStep;
import dev.ramp.api.rollout.CanaryStrategy;
import dev.ramp.api.rollout.IstioDestinationRule;
import dev.ramp.api.rollout.IstioTrafficRouting;
import dev.ramp.api.rollout.IstioVirtualService;
import dev.ramp.api.rollout.Pause;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutAnalysis;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutSpec;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.api.rollout.RolloutStrategy;
import dev.ramp.api.rollout.SetCanaryScale;
import dev.ramp.api.rollout.TrafficRouting;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.plan.ObservedAnalysisRun;
import dev.ramp.controller.plan.ObservedReplicaSet;
import dev.ramp.controller.plan.ObservedTraffic;
import dev.ramp.controller.plan.ObservedWorkload;
import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.plan.Plan;
import dev.ramp.controller.plan.Transition;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Rollout's world in memory, for tests that read like scenarios: it builds the {@link Observation}
 * the planner sees, applies a plan's actions and status the way the executor and the API server
 * would (the status through a JSON round trip, as it is stored), and lets a test move pods, analysis
 * runs, people and the clock. Every {@link #step()} also checks that planning the same world again
 * changes nothing (no action, the same status, no announcement): the idempotence the controller
 * relies on, checked in every state a test passes through.
 */
final class World {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final String NAME = "web";
  static final String CANARY_SERVICE = "web-canary";
  static final String STABLE_SERVICE = "web-stable";
  static final String ACTIVE_SERVICE = "web-active";
  static final String PREVIEW_SERVICE = "web-preview";
  private static final JSON JSON = new JSON();

  private final RolloutPlanner planner = new RolloutPlanner();
  private Rollout rollout;
  private long generation = 1;
  private final Map<String, Rs> replicaSets = new LinkedHashMap<>();
  private Optional<Integer> weight;
  private final boolean routed;
  private final Map<String, String> selectors = new HashMap<>();
  private final List<String> trafficProblems = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private Workload workload;
  private Instant now = T0;
  private boolean checkIdempotence = true;
  final List<Action> actionLog = new ArrayList<>();
  final List<Transition> events = new ArrayList<>();
  final List<Integer> weightHistory = new ArrayList<>();

  /** A ReplicaSet as the fake API server holds it. */
  static final class Rs {
    final String name;
    final String hash;
    final long revision;
    final Instant createdAt;
    int desired;
    int replicas;
    int ready;
    int available;
    Optional<Instant> scaleDownAt = Optional.empty();

    Rs(String name, String hash, long revision, int desired, Instant createdAt) {
      this.name = name;
      this.hash = hash;
      this.revision = revision;
      this.desired = desired;
      this.createdAt = createdAt;
    }

    ObservedReplicaSet view() {
      return new ObservedReplicaSet(name, hash, revision, desired, replicas, ready, available, true, scaleDownAt,
          createdAt);
    }
  }

  /** An AnalysisRun; its phase moves only when a test says so. */
  static final class Run {
    final Action.CreateAnalysisRun created;
    final Instant createdAt;
    AnalysisPhase phase = AnalysisPhase.PENDING;
    String message;
    boolean terminated;

    Run(Action.CreateAnalysisRun created, Instant createdAt) {
      this.created = created;
      this.createdAt = createdAt;
    }

    ObservedAnalysisRun view() {
      return new ObservedAnalysisRun(created.name(), created.purpose(), created.latestHash(), phase,
          Optional.ofNullable(message), terminated, createdAt);
    }
  }

  record Workload(String name, int replicas, int available, V1PodTemplateSpec template) {}

  private World(RolloutStrategy strategy, boolean routed) {
    V1ObjectMeta meta = new V1ObjectMeta().name(NAME).namespace("default").generation(generation);
    RolloutSpec spec = RolloutSpec.of(selector(), template("web:1"), strategy).withReplicas(10);
    this.rollout = new Rollout(meta, spec);
    this.routed = routed;
    this.weight = routed ? Optional.of(0) : Optional.empty();
  }

  // ---- building Rollouts

  static World canary(CanaryStrategy canary) {
    return new World(RolloutStrategy.canary(canary), canary.trafficRouting().isPresent());
  }

  static World blueGreen(BlueGreenStrategy blueGreen) {
    return new World(RolloutStrategy.blueGreen(blueGreen), false);
  }

  static CanaryStrategy steps(CanaryStep... steps) {
    return CanaryStrategy.withSteps(Arrays.asList(steps));
  }

  /** The same steps, with Istio host-level routing between web-canary and web-stable. */
  static CanaryStrategy istio(CanaryStrategy c) {
    IstioTrafficRouting istio = new IstioTrafficRouting(
        Optional.of(new IstioVirtualService("web-vs", List.of("primary"))), List.of(), Optional.empty());
    return new CanaryStrategy(Optional.of(CANARY_SERVICE), Optional.of(STABLE_SERVICE), c.steps(),
        Optional.of(TrafficRouting.istio(istio)), c.maxSurge(), c.maxUnavailable(), c.analysis(),
        c.scaleDownDelaySeconds(), c.abortScaleDownDelaySeconds());
  }

  /** The same steps, with an Istio subset-level split through DestinationRule web-dr. */
  static CanaryStrategy subsets(CanaryStrategy c) {
    IstioTrafficRouting istio = new IstioTrafficRouting(
        Optional.of(new IstioVirtualService("web-vs", List.of())), List.of(),
        Optional.of(new IstioDestinationRule("web-dr", "canary", "stable")));
    return new CanaryStrategy(Optional.empty(), Optional.empty(), c.steps(), Optional.of(TrafficRouting.istio(istio)),
        c.maxSurge(), c.maxUnavailable(), c.analysis(), c.scaleDownDelaySeconds(), c.abortScaleDownDelaySeconds());
  }

  static CanaryStrategy withDelays(CanaryStrategy c, Integer scaleDownDelaySeconds, Integer abortDelaySeconds) {
    return new CanaryStrategy(c.canaryService(), c.stableService(), c.steps(), c.trafficRouting(), c.maxSurge(),
        c.maxUnavailable(), c.analysis(), scaleDownDelaySeconds, abortDelaySeconds);
  }

  static CanaryStrategy withSurge(CanaryStrategy c, String maxSurge, String maxUnavailable) {
    return new CanaryStrategy(c.canaryService(), c.stableService(), c.steps(), c.trafficRouting(),
        new IntOrString(maxSurge), new IntOrString(maxUnavailable), c.analysis(), c.scaleDownDelaySeconds(),
        c.abortScaleDownDelaySeconds());
  }

  static CanaryStrategy withBackground(CanaryStrategy c, String template, Integer startingStep) {
    BackgroundAnalysis bg = new BackgroundAnalysis(List.of(AnalysisTemplateRef.of(template)), List.of(), List.of(),
        List.of(), Optional.ofNullable(startingStep));
    return new CanaryStrategy(c.canaryService(), c.stableService(), c.steps(), c.trafficRouting(), c.maxSurge(),
        c.maxUnavailable(), Optional.of(bg), c.scaleDownDelaySeconds(), c.abortScaleDownDelaySeconds());
  }

  static BlueGreenStrategy blueGreenStrategy(Boolean autoPromotionEnabled, int autoPromotionSeconds,
      Integer previewReplicaCount, String prePromotion, String postPromotion) {
    return new BlueGreenStrategy(ACTIVE_SERVICE, Optional.of(PREVIEW_SERVICE), autoPromotionEnabled,
        autoPromotionSeconds, Optional.ofNullable(previewReplicaCount),
        Optional.ofNullable(prePromotion).map(World::analysis),
        Optional.ofNullable(postPromotion).map(World::analysis), null, null, Optional.empty());
  }

  static CanaryStep weight(int w) {
    return CanaryStep.ofSetWeight(w);
  }

  static CanaryStep pause() {
    return CanaryStep.ofPause(Pause.untilPromoted());
  }

  static CanaryStep pause(String duration) {
    return CanaryStep.ofPause(Pause.of(duration));
  }

  static CanaryStep analysisStep(String template) {
    return CanaryStep.ofAnalysis(analysis(template));
  }

  static CanaryStep canaryScale(SetCanaryScale scale) {
    return CanaryStep.ofSetCanaryScale(scale);
  }

  static RolloutAnalysis analysis(String template) {
    return RolloutAnalysis.of(List.of(AnalysisTemplateRef.of(template)), List.of());
  }

  static V1PodTemplateSpec template(String image) {
    return new V1PodTemplateSpec()
        .metadata(new V1ObjectMeta().labels(Map.of("app", NAME)))
        .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image(image))));
  }

  static V1LabelSelector selector() {
    return new V1LabelSelector().matchLabels(Map.of("app", NAME));
  }

  static String hash(String image) {
    return PodTemplateHash.of(template(image), 0);
  }

  static String rsName(String image) {
    return NAME + "-" + hash(image);
  }

  // ---- changing the spec (a person editing the Rollout)

  World replicas(int n) {
    return spec(s -> s.withReplicas(n));
  }

  World image(String image) {
    return spec(s -> s.withTemplate(template(image)));
  }

  World paused(boolean paused) {
    return spec(s -> s.withPaused(paused));
  }

  World strategy(CanaryStrategy canary) {
    return spec(s -> s.withStrategy(RolloutStrategy.canary(canary)));
  }

  World spec(UnaryOperator<RolloutSpec> change) {
    generation++;
    rollout = rollout.withSpec(change.apply(rollout.spec()))
        .withMetadata(rollout.getMetadata().generation(generation));
    return this;
  }

  World progressDeadline(int seconds, boolean abort) {
    return spec(s -> new RolloutSpec(s.replicas(), s.selector(), s.template(), s.workloadRef(), s.minReadySeconds(),
        s.revisionHistoryLimit(), s.paused(), seconds, abort, s.restartAt(), s.analysis(), s.strategy()));
  }

  World revisionHistoryLimit(int limit) {
    return spec(s -> new RolloutSpec(s.replicas(), s.selector(), s.template(), s.workloadRef(), s.minReadySeconds(),
        limit, s.paused(), s.progressDeadlineSeconds(), s.progressDeadlineAbort(), s.restartAt(), s.analysis(),
        s.strategy()));
  }

  // ---- people acting through the status (kubectl ramp)

  /** {@code kubectl ramp promote}: spec.paused=false and the pause conditions cleared. */
  World promote() {
    rollout = rollout.withSpec(rollout.spec().withPaused(false));
    return status(b -> b.pauseConditions(List.of()));
  }

  World abort() {
    return status(b -> b.abort(true));
  }

  World retry() {
    return status(b -> b.abort(false));
  }

  World promoteFull() {
    return status(b -> b.promoteFull(true));
  }

  World status(UnaryOperator<RolloutStatus.Builder> change) {
    rollout = rollout.withStatus(change.apply(rollout.status().toBuilder()).build());
    return this;
  }

  // ---- the rest of the world

  /** Every ReplicaSet's pods exist and are available. */
  World podsReady() {
    replicaSets.values().forEach(rs -> {
      rs.replicas = rs.desired;
      rs.ready = rs.desired;
      rs.available = rs.desired;
    });
    return this;
  }

  /** The ReplicaSet's pods are created but never become ready (a bad image). */
  World podsNotReady(String image) {
    Rs rs = rs(image);
    rs.replicas = rs.desired;
    rs.ready = 0;
    rs.available = 0;
    return this;
  }

  World advance(Duration d) {
    now = now.plus(d);
    return this;
  }

  World runPhase(String runName, AnalysisPhase phase, String message) {
    Run run = runs.get(runName);
    assertThat(run).as("AnalysisRun " + runName + " exists; runs: " + runs.keySet()).isNotNull();
    run.phase = phase;
    run.message = message;
    return this;
  }

  /** The newest run of this purpose (its label, e.g. "step-2", "background", "pre-promotion"). */
  String runOf(String purposeLabel) {
    return runs.values().stream()
        .filter(r -> r.created.purpose().label().equals(purposeLabel))
        .max(Comparator.comparing((Run r) -> r.createdAt).thenComparing(r -> r.created.name()))
        .map(r -> r.created.name())
        .orElseThrow(() -> new AssertionError("no AnalysisRun for " + purposeLabel + "; runs: " + runs.keySet()));
  }

  Run run(String name) {
    return runs.get(name);
  }

  Map<String, Run> runs() {
    return runs;
  }

  World trafficProblem(String problem) {
    trafficProblems.add(problem);
    return this;
  }

  World problem(String problem) {
    problems.add(problem);
    return this;
  }

  World clearProblems() {
    problems.clear();
    trafficProblems.clear();
    return this;
  }

  /** Someone edits the VirtualService by hand. */
  World weightEdited(int w) {
    weight = Optional.of(w);
    return this;
  }

  /** The routes of the VirtualService disagree (the router reports no single weight). */
  World weightUnknown() {
    weight = Optional.empty();
    return this;
  }

  World workload(String name, int replicas, String image) {
    workload = new Workload(name, replicas, replicas, template(image));
    return this;
  }

  World withoutIdempotenceCheck() {
    checkIdempotence = false;
    return this;
  }

  // ---- planning

  Observation observe() {
    List<ObservedReplicaSet> rss = replicaSets.values().stream()
        .sorted(Comparator.comparingLong((Rs r) -> r.revision))
        .map(Rs::view)
        .toList();
    return new Observation(rollout, rss, new ObservedTraffic(weight, selectors, trafficProblems),
        runs.values().stream().map(Run::view).toList(),
        Optional.ofNullable(workload).map(w -> new ObservedWorkload(w.name(), w.replicas(), w.available(), w.template(),
            selector())),
        problems, now);
  }

  Plan plan() {
    return planner.plan(observe());
  }

  /** Plans, applies the plan, and checks that planning again over the world it made changes nothing. */
  Plan step() {
    RolloutStatus before = rollout.status();
    Plan plan = plan();
    apply(plan);
    if (checkIdempotence) {
      Plan again = plan();
      assertThat(again.actions()).as(() -> "actions of a second plan over the same world; first plan " + plan.actions()
          + "\n  status change " + StatusDiff.between(before, plan.status()) + "\n  world " + describe())
          .isEmpty();
      assertThat(StatusDiff.between(rollout.status(), again.status()))
          .as("status of a second plan over the same world").isEmpty();
      assertThat(again.events()).as("announcements of a second plan over the same world").isEmpty();
      assertThat(again.requeueAfter()).as("requeue of a second plan").isEqualTo(plan.requeueAfter());
    }
    return plan;
  }

  /** Steps and lets pods come up until the world stands still; returns the plans made. */
  List<Plan> settle() {
    List<Plan> plans = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      RolloutStatus before = rollout.status();
      Plan plan = step();
      plans.add(plan);
      boolean podsMoved = replicaSets.values().stream().anyMatch(rs -> rs.available != rs.desired
          || rs.replicas != rs.desired);
      podsReady();
      if (plan.actions().isEmpty() && plan.status().equals(before) && !podsMoved) {
        return plans;
      }
    }
    throw new AssertionError("the world did not settle in 100 steps; status " + rollout.status());
  }

  /** Deploys the first revision and lets it become Healthy. */
  World healthy() {
    settle();
    assertThat(phase()).isEqualTo(RolloutPhase.HEALTHY);
    events.clear();
    actionLog.clear();
    weightHistory.clear();
    return this;
  }

  void apply(Plan plan) {
    for (Action action : plan.actions()) {
      actionLog.add(action);
      if (action instanceof Action.CreateReplicaSet c) {
        assertThat(replicaSets).as("ReplicaSet created twice: " + c.name()).doesNotContainKey(c.name());
        replicaSets.put(c.name(), new Rs(c.name(), c.podTemplateHash(), c.revision(), c.replicas(), now));
      } else if (action instanceof Action.ScaleReplicaSet s) {
        Rs rs = replicaSets.get(s.name());
        rs.desired = s.replicas();
        // terminating pods leave a ReplicaSet's status at once; new ones arrive with podsReady()
        rs.replicas = Math.min(rs.replicas, s.replicas());
        rs.ready = Math.min(rs.ready, s.replicas());
        rs.available = Math.min(rs.available, s.replicas());
      } else if (action instanceof Action.SetScaleDownDeadline s) {
        replicaSets.get(s.name()).scaleDownAt = s.deadline();
      } else if (action instanceof Action.DeleteReplicaSet del) {
        replicaSets.remove(del.name());
      } else if (action instanceof Action.SetCanaryWeight w) {
        assertThat(routed).as("a weight written without a traffic router").isTrue();
        weight = Optional.of(w.canaryWeight());
        weightHistory.add(w.canaryWeight());
      } else if (action instanceof Action.PinSelectors p) {
        selectors.putAll(p.selectors());
      } else if (action instanceof Action.CreateAnalysisRun c) {
        assertThat(runs).as("AnalysisRun created twice: " + c.name()).doesNotContainKey(c.name());
        runs.put(c.name(), new Run(c, now));
      } else if (action instanceof Action.TerminateAnalysisRun t) {
        runs.get(t.name()).terminated = true;
      } else if (action instanceof Action.DeleteAnalysisRun del) {
        runs.remove(del.name());
      } else if (action instanceof Action.ScaleWorkload s) {
        workload = new Workload(workload.name(), s.replicas(), s.replicas(), workload.template());
      }
    }
    // as stored by the API server: through JSON and back
    RolloutStatus stored = JSON.deserialize(JSON.serialize(plan.status()), RolloutStatus.class);
    rollout = rollout.withStatus(stored);
    events.addAll(plan.events());
  }

  // ---- reading the world

  String describe() {
    StringBuilder out = new StringBuilder();
    replicaSets.values().forEach(rs -> out.append(rs.name).append(" desired=").append(rs.desired).append(" replicas=")
        .append(rs.replicas).append(" available=").append(rs.available).append(" scaleDownAt=")
        .append(rs.scaleDownAt.orElse(null)).append("; "));
    out.append("weight=").append(weight.orElse(null)).append(" selectors=").append(selectors).append(" runs=");
    runs.values().forEach(r -> out.append(r.created.name()).append(":").append(r.phase)
        .append(r.terminated ? "(terminated)" : "").append(" "));
    return out.toString();
  }

  Rollout rollout() {
    return rollout;
  }

  RolloutStatus statusNow() {
    return rollout.status();
  }

  RolloutPhase phase() {
    return rollout.status().phase().orElse(null);
  }

  Rs rs(String image) {
    Rs rs = replicaSets.get(rsName(image));
    assertThat(rs).as("ReplicaSet for " + image + "; have " + replicaSets.keySet()).isNotNull();
    return rs;
  }

  boolean hasRs(String image) {
    return replicaSets.containsKey(rsName(image));
  }

  Map<String, Rs> replicaSets() {
    return replicaSets;
  }

  Optional<Integer> weight() {
    return weight;
  }

  String selector(String service) {
    return selectors.get(service);
  }

  Instant now() {
    return now;
  }

  Optional<Workload> workloadNow() {
    return Optional.ofNullable(workload);
  }

  List<String> eventReasons() {
    return events.stream().map(Transition::reason).toList();
  }

  static AnalysisPurpose step(int i) {
    return new AnalysisPurpose.Step(i);
  }
}
