package dev.ramp.controller.execute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonParser;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutPhase;
import dev.ramp.api.rollout.RolloutStatus;
import dev.ramp.controller.cache.Caches;
import dev.ramp.controller.cache.Expectations;
import dev.ramp.controller.config.ControllerSettings;
import dev.ramp.controller.events.EventRecorder;
import dev.ramp.controller.kube.ApiDiscovery;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.leader.Leaders;
import dev.ramp.controller.leader.Leadership;
import dev.ramp.controller.observe.AnalysisTemplates;
import dev.ramp.controller.observe.Observed;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Observation;
import dev.ramp.controller.plan.ObservedTraffic;
import dev.ramp.controller.plan.Plan;
import dev.ramp.controller.plan.Transition;
import dev.ramp.controller.traffic.TrafficRouter;
import dev.ramp.controller.traffic.TrafficState;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetSpec;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor against a scripted API server: order, resourceVersions, and what a conflict stops. */
class PlanExecutorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final String RS = "/apis/apps/v1/namespaces/shop/replicasets";
  private static final String STATUS = "/apis/ramp.dev/v1alpha1/namespaces/shop/rollouts/web/status";
  private static final String EVENTS = "/api/v1/namespaces/shop/events";
  private static final String CONFLICT = """
      {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,
       "message":"Operation cannot be fulfilled: the object has been modified"}""";

  private WireMockServer server;
  private ApiClient client;
  private final List<String> routerCalls = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    client = new ClientBuilder().setBasePath(server.baseUrl()).build();
    server.stubFor(any(anyUrl()).willReturn(json(200, "{}")).atPriority(10));
    server.stubFor(post(urlPathEqualTo(RS)).willReturn(json(201, "{\"kind\":\"ReplicaSet\"}")));
    server.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(json(201, """
        {"kind":"Event","apiVersion":"v1","metadata":{"name":"web.1","namespace":"shop"},
         "involvedObject":{"kind":"Rollout","name":"web"}}""")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private PlanExecutor executor(Leadership leadership) {
    ApiDiscovery discovery = new ApiDiscovery(client, CLOCK);
    ControllerSettings settings = new ControllerSettings(1, Duration.ofMinutes(5), Duration.ofSeconds(5),
        Duration.ofMillis(5), Duration.ofSeconds(1));
    Expectations expectations = new Expectations(new Caches(client, discovery, settings), CLOCK);
    return new PlanExecutor(client, new AnalysisTemplates(client), new StatusWriter(client, leadership),
        new EventRecorder(client, CLOCK), expectations, leadership);
  }

  private static V1ReplicaSet oldReplicaSet() {
    return new V1ReplicaSet()
        .metadata(new V1ObjectMeta().name("web-old").namespace("shop").resourceVersion("5"))
        .spec(new V1ReplicaSetSpec().replicas(3));
  }

  private Observed observed() {
    Rollout rollout = ReplicaSetsTest.rollout();
    rollout.getMetadata().resourceVersion("10");
    Observation observation = new Observation(rollout, List.of(), ObservedTraffic.NONE, List.of(), Optional.empty(),
        List.of(), CLOCK.instant());
    return new Observed(observation, rollout, rollout, Map.of("web-old", oldReplicaSet()), Map.of(), Optional.empty(),
        new RecordingRouter(), TrafficState.of(rollout, ObservedTraffic.NONE, Map.of()));
  }

  private static RolloutStatus progressing() {
    return RolloutStatus.builder().phase(RolloutPhase.PROGRESSING).currentPodHash("new").build();
  }

  private static Plan plan(List<Action> actions) {
    return new Plan(actions, progressing(), List.of(Transition.normal("StepCompleted", "Step 1/4 completed")),
        Optional.empty());
  }

  private List<String> requests() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events.stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList();
  }

  private String body(String method, String path) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals(method) && e.getRequest().getUrl().startsWith(path))
        .findFirst().orElseThrow().getRequest().getBodyAsString();
  }

  @Test
  void actionsInOrderThenTheStatusThenTheEvents() {
    Execution execution = executor(Leaders.leading()).execute(observed(), plan(List.of(
        new Action.CreateReplicaSet("web-new", "new", 2, 1),
        new Action.SetCanaryWeight(20),
        new Action.ScaleReplicaSet("web-old", 2))));

    assertThat(execution).isEqualTo(new Execution.Done(3, true, Optional.empty()));
    assertThat(routerCalls).containsExactly("weight 20");
    assertThat(requests()).containsExactly(
        "POST " + RS,
        "PATCH " + RS + "/web-old",
        "PUT " + STATUS,
        "POST " + EVENTS);
    assertThat(JsonParser.parseString(body("PATCH", RS + "/web-old"))).isEqualTo(JsonParser.parseString("""
        [{"op":"test","path":"/metadata/resourceVersion","value":"5"},
         {"op":"add","path":"/spec/replicas","value":2}]"""));
    assertThat(server.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("PATCH"))
        .findFirst().orElseThrow().getRequest().getHeader("Content-Type")).startsWith("application/json-patch+json");
    assertThat(server.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("PUT"))
        .findFirst().orElseThrow().getRequest().getUrl()).isEqualTo(STATUS);
    var status = JsonParser.parseString(body("PUT", STATUS)).getAsJsonObject();
    assertThat(status.getAsJsonObject("metadata").get("resourceVersion").getAsString()).isEqualTo("10");
    assertThat(status.getAsJsonObject("status").get("phase").getAsString()).isEqualTo("Progressing");
    var event = JsonParser.parseString(body("POST", EVENTS)).getAsJsonObject();
    assertThat(event.get("reason").getAsString()).isEqualTo("StepCompleted");
    assertThat(event.get("type").getAsString()).isEqualTo("Normal");
    assertThat(event.get("reportingComponent").getAsString()).isEqualTo("ramp-controller");
    assertThat(event.getAsJsonObject("involvedObject").get("kind").getAsString()).isEqualTo("Rollout");
  }

  @Test
  void aConflictStopsThePlanWritesNoStatusAndAnnouncesNothing() {
    server.stubFor(patch(urlPathEqualTo(RS + "/web-old")).willReturn(json(409, CONFLICT)));

    Execution execution = executor(Leaders.leading()).execute(observed(), plan(List.of(
        new Action.ScaleReplicaSet("web-old", 2),
        new Action.SetCanaryWeight(50))));

    assertThat(execution).isInstanceOf(Execution.Conflict.class);
    assertThat(routerCalls).isEmpty();
    assertThat(requests()).containsExactly("PATCH " + RS + "/web-old");
  }

  @Test
  void aFailedResourceVersionTestIsAConflictToo() {
    server.stubFor(patch(urlPathEqualTo(RS + "/web-old")).willReturn(json(422, """
        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","code":422,
         "message":"the server rejected our request due to an error in our request"}""")));

    assertThat(executor(Leaders.leading()).execute(observed(), plan(List.of(new Action.ScaleReplicaSet("web-old", 2)))))
        .isInstanceOf(Execution.Conflict.class);
  }

  @Test
  void nothingScalesWhenTheTrafficChangeBeforeItFails() {
    routerFails = true;

    Execution execution = executor(Leaders.leading()).execute(observed(), plan(List.of(
        new Action.SetCanaryWeight(0),
        new Action.ScaleReplicaSet("web-old", 0))));

    assertThat(execution).isInstanceOf(Execution.Conflict.class);
    assertThat(requests()).isEmpty();
  }

  @Test
  void aStatusConflictAnnouncesNothing() {
    server.stubFor(put(urlPathEqualTo(STATUS)).willReturn(json(409, CONFLICT)));

    Execution execution = executor(Leaders.leading()).execute(observed(), plan(List.of()));

    assertThat(execution).isEqualTo(new Execution.Conflict("write status", execution instanceof
        Execution.Conflict c ? c.detail() : ""));
    assertThat(requests()).containsExactly("PUT " + STATUS);
  }

  @Test
  void aRolloutDeletedMeanwhileIsReReadNotRetriedWithBackoff() {
    server.stubFor(put(urlPathEqualTo(STATUS)).willReturn(json(404, """
        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,
         "message":"rollouts.ramp.dev \"web\" not found"}""")));

    Execution execution = executor(Leaders.leading()).execute(observed(), plan(List.of()));

    assertThat(execution).isInstanceOf(Execution.Conflict.class);
  }

  @Test
  void aReplicaWithoutTheLeaseWritesNothing() {
    Execution execution = executor(Leaders.standby()).execute(observed(), plan(List.of(
        new Action.ScaleReplicaSet("web-old", 2))));

    assertThat(execution).isEqualTo(new Execution.NotLeader());
    assertThat(requests()).isEmpty();
  }

  @Test
  void aPlanThatChangesNothingWritesNothing() {
    Observed observed = observed();
    Plan plan = new Plan(List.of(new Action.ScaleReplicaSet("web-old", 3)), observed.rollout().status(), List.of(),
        Optional.of(Duration.ofSeconds(30)));

    assertThat(executor(Leaders.leading()).execute(observed, plan))
        .isEqualTo(new Execution.Done(0, false, Optional.of(Duration.ofSeconds(30))));
    assertThat(requests()).isEmpty();
  }

  private boolean routerFails;

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int code, String body) {
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** Records weight changes; fails with a conflict when told to. */
  private final class RecordingRouter implements TrafficRouter {
    @Override
    public TrafficState observe(Rollout rollout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setCanaryWeight(TrafficState state, int canaryWeight) {
      if (routerFails) {
        throw new KubeApiException("PATCH VirtualService shop/web", 409, "Conflict", true);
      }
      routerCalls.add("weight " + canaryWeight);
    }

    @Override
    public void pinSelectors(TrafficState state, Map<String, String> selectors) {
      routerCalls.add("pin " + selectors);
    }
  }
}
