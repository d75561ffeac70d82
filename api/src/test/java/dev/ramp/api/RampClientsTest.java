package dev.ramp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ramp.api.analysis.AnalysisRunList;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutList;
import dev.ramp.api.rollout.RolloutPhase;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed clients against a stand-in API server that answers as a real one does. */
class RampClientsTest {
  private HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, String> requests = new ConcurrentHashMap<>();
  private ApiClient client;

  private static final String ROLLOUT = """
      {"apiVersion":"ramp.dev/v1alpha1","kind":"Rollout",
       "metadata":{"name":"demo","namespace":"default","resourceVersion":"42","generation":3},
       "spec":{"selector":{"matchLabels":{"app":"demo"}},
               "template":{"metadata":{"labels":{"app":"demo"}},"spec":{"containers":[{"name":"demo","image":"i:1"}]}},
               "replicas":1,"revisionHistoryLimit":10,"progressDeadlineSeconds":600,
               "strategy":{"canary":{"steps":[{"setWeight":20},{"pause":{}}],"maxSurge":"25%","maxUnavailable":"25%",
                                     "scaleDownDelaySeconds":30,"abortScaleDownDelaySeconds":30}}},
       "status":{"phase":"Paused","currentStepIndex":1,"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-11-21T10:00:00Z"}]}}
      """;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      requests.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String body = answers.getOrDefault(key, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":404}");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answers.containsKey(key) ? (key.startsWith("POST") ? 201 : 200) : 404, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    client = new ClientBuilder().setBasePath("http://127.0.0.1:" + server.getAddress().getPort()).build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void getsAndListsRollouts() {
    answers.put("GET /apis/ramp.dev/v1alpha1/namespaces/default/rollouts/demo", ROLLOUT);
    answers.put("GET /apis/ramp.dev/v1alpha1/namespaces/default/rollouts",
        "{\"apiVersion\":\"ramp.dev/v1alpha1\",\"kind\":\"RolloutList\",\"metadata\":{\"resourceVersion\":\"50\"},\"items\":["
            + ROLLOUT + "]}");

    KubernetesApiResponse<Rollout> got = RampClients.rollouts(client).get("default", "demo");
    KubernetesApiResponse<RolloutList> listed = RampClients.rollouts(client).list("default");

    assertThat(got.isSuccess()).isTrue();
    Rollout rollout = got.getObject();
    assertThat(rollout.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(rollout.status().phase()).contains(RolloutPhase.PAUSED);
    assertThat(rollout.status().currentStepIndex()).contains(1);
    assertThat(listed.getObject().getMetadata().getResourceVersion()).isEqualTo("50");
    assertThat(listed.getObject().getItems()).containsExactly(rollout);
  }

  @Test
  void aMissingRolloutIsAnAnswerNotAnException() {
    KubernetesApiResponse<Rollout> got = RampClients.rollouts(client).get("default", "nope");
    assertThat(got.isSuccess()).isFalse();
    assertThat(got.getHttpStatusCode()).isEqualTo(404);
  }

  @Test
  void createsWithTheBodyAServerExpects() {
    answers.put("POST /apis/ramp.dev/v1alpha1/namespaces/default/rollouts", ROLLOUT);
    Rollout rollout = io.kubernetes.client.openapi.JSON.deserialize(ROLLOUT, Rollout.class);

    KubernetesApiResponse<Rollout> created = RampClients.rollouts(client).create(rollout);

    assertThat(created.isSuccess()).isTrue();
    String sent = requests.get("POST /apis/ramp.dev/v1alpha1/namespaces/default/rollouts");
    assertThat(sent).contains("\"kind\":\"Rollout\"").contains("\"pause\":{}")
        .as("absent optional fields stay absent").doesNotContain("\"canaryService\"").doesNotContain("\"trafficRouting\"")
        .doesNotContain("\"conditions\"").doesNotContain("\"blueGreen\"");
  }

  @Test
  void listsAnalysisRunsAndClusterTemplates() {
    answers.put("GET /apis/ramp.dev/v1alpha1/namespaces/default/analysisruns",
        "{\"kind\":\"AnalysisRunList\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"r\"},\"spec\":{\"metrics\":[]},"
            + "\"status\":{\"phase\":\"Failed\",\"message\":\"metric success-rate failed\"}}]}");
    answers.put("GET /apis/ramp.dev/v1alpha1/clusteranalysistemplates", "{\"items\":[]}");

    AnalysisRunList runs = RampClients.analysisRuns(client).list("default").getObject();

    assertThat(runs.getItems()).singleElement().satisfies(r -> {
      assertThat(r.status().phase().wireName()).isEqualTo("Failed");
      assertThat(r.status().message()).contains("metric success-rate failed");
      assertThat(r.getKind()).as("LIST items may come without a kind").isEqualTo("AnalysisRun");
    });
    assertThat(RampClients.clusterAnalysisTemplates(client).list().getObject().getItems()).isEqualTo(List.of());
  }
}
