package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** core/v1 and events.k8s.io/v1 Events over one storage (E1–E6). */
class EventsTest {
  static Sandbox sandbox;
  static Http http;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void bothApisShareEventsAndKeepTheirTimePrecision() throws Exception {
    OffsetDateTime now = OffsetDateTime.of(2026, 11, 21, 15, 27, 15, 728_756_000, ZoneOffset.UTC);
    CoreV1Event core = new CoreV1Api(sandbox.apiClient()).createNamespacedEvent("default", new CoreV1Event()
        .metadata(new V1ObjectMeta().name("ev-core"))
        .involvedObject(new V1ObjectReference().kind("Pod").name("ev-owner").namespace("default"))
        .reason("Test").message("hello").type("Normal").lastTimestamp(now).firstTimestamp(now).count(1)).execute();
    assertThat(http.get("/api/v1/namespaces/default/events/ev-core").at("/lastTimestamp").asText())
        .as("E1").isEqualTo("2026-11-21T15:27:15Z");
    assertThat(core.getLastTimestamp()).isEqualTo(now.withNano(0));

    new EventsV1Api(sandbox.apiClient()).createNamespacedEvent("default", new EventsV1Event()
        .metadata(new V1ObjectMeta().name("ev-new"))
        .eventTime(now).reportingController("ramp.dev/controller").reportingInstance("ramp-0").action("Promote")
        .reason("Promoted").note("promoted").type("Normal")
        .regarding(new V1ObjectReference().kind("Pod").name("ev-owner").namespace("default"))).execute();
    assertThat(http.get("/apis/events.k8s.io/v1/namespaces/default/events/ev-new").at("/eventTime").asText())
        .as("E4").isEqualTo("2026-11-21T15:27:15.728756Z");

    List<String> coreNames = names("/api/v1/namespaces/default/events");
    List<String> newNames = names("/apis/events.k8s.io/v1/namespaces/default/events");
    assertThat(coreNames).as("E6").containsExactly("ev-core", "ev-new");
    assertThat(newNames).containsExactly("ev-core", "ev-new");
    assertThat(http.get("/apis/events.k8s.io/v1/namespaces/default/events/ev-core").at("/note").asText()).isEqualTo("hello");
    assertThat(http.get("/api/v1/namespaces/default/events/ev-new").at("/message").asText()).isEqualTo("promoted");
    assertThat(names("/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dev-owner"))
        .as("E3").containsExactly("ev-core", "ev-new");
  }

  static List<String> names(String path) {
    var names = new java.util.ArrayList<String>();
    http.get(path).at("/items").forEach(item -> names.add(item.at("/metadata/name").asText()));
    return names;
  }

  @Test
  void invalidEventsAreRejectedWithTheRealMessages() {
    var otherNamespace = http.post("/api/v1/namespaces/default/events", """
        {"metadata":{"name":"ev-bad"},"involvedObject":{"kind":"Pod","name":"x","namespace":"elsewhere"},
         "reason":"Test","message":"m","type":"Normal"}""");
    assertThat(otherNamespace.code()).isEqualTo(422);
    assertThat(otherNamespace.message()).isEqualTo("Event \"ev-bad\" is invalid: involvedObject.namespace: Invalid value: "
        + "\"elsewhere\": does not match event.namespace");

    var noEventTime = http.post("/apis/events.k8s.io/v1/namespaces/default/events", """
        {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"ev-new-bad"},"reason":"Test","type":"Normal",
         "regarding":{"kind":"Pod","name":"x","namespace":"default"}}""");
    assertThat(noEventTime.code()).isEqualTo(422);
    assertThat(noEventTime.message()).isEqualTo("Event \"ev-new-bad\" is invalid: eventTime: Required value");
  }
}
