package dev.ramp.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Json;
import dev.ramp.sandbox.contract.harness.Resource;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.EventsV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.EventsV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Rows E*: core/v1 and events.k8s.io/v1 Events, their validation, time formats and field selectors. */
class EventsContractTest {
  private static final String SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
  private static final String MICROSECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

  private static V1ObjectReference regarding(Contract c, String name) {
    return new V1ObjectReference()
        .apiVersion("contract.ramp.dev/v1")
        .kind("Rollout")
        .name(name)
        .namespace(c.namespace());
  }

  private static CoreV1Event coreEvent(Contract c, String name, String owner) {
    OffsetDateTime now = OffsetDateTime.now();
    return new CoreV1Event()
        .metadata(new V1ObjectMeta().name(name))
        .involvedObject(regarding(c, owner))
        .reason("StepCompleted")
        .message("canary weight 20")
        .type("Normal")
        .count(1)
        .firstTimestamp(now)
        .lastTimestamp(now)
        .source(new V1EventSource().component("ramp-contract"));
  }

  private static EventsV1Event newEvent(Contract c, String name, String owner) {
    return new EventsV1Event()
        .metadata(new V1ObjectMeta().name(name))
        .eventTime(OffsetDateTime.now())
        .reportingController("contract.ramp.dev/suite")
        .reportingInstance("suite-1")
        .action("Promote")
        .reason("StepCompleted")
        .note("canary weight 20")
        .type("Normal")
        .regarding(regarding(c, owner));
  }

  @ContractTest
  @DisplayName("E1: a core/v1 Event created with the typed client (201) stores lastTimestamp in whole seconds")
  void e1(Contract c) throws ApiException {
    new CoreV1Api(c.api()).createNamespacedEvent(c.namespace(), coreEvent(c, "ev-core", "ev-owner")).execute();
    Answer stored = c.get(Resource.CORE_EVENTS, "ev-core");
    Expect.ok(stored, 200, "Event");
    assertThat(stored.text("/lastTimestamp")).matches(SECONDS);
  }

  @ContractTest
  @DisplayName("E2: a core/v1 Event whose involvedObject.namespace differs from its own is 422 Invalid")
  void e2(Contract c) {
    ObjectNode event =
        Json.object(
            """
            {'apiVersion':'v1','kind':'Event','metadata':{'name':'ev-bad'},
             'involvedObject':{'apiVersion':'contract.ramp.dev/v1','kind':'Rollout','name':'ev-owner','namespace':'elsewhere'},
             'reason':'StepCompleted','message':'m','type':'Normal','source':{'component':'ramp-contract'}}""");
    Expect.failure(
        c.create(Resource.CORE_EVENTS, event),
        422,
        "Invalid",
        "Event \"ev-bad\" is invalid: involvedObject.namespace: Invalid value: \"elsewhere\": does not match event.namespace");
  }

  @ContractTest
  @DisplayName("E3: LIST core/v1 events with fieldSelector involvedObject.name finds the events about that object")
  void e3(Contract c) throws ApiException {
    CoreV1Api api = new CoreV1Api(c.api());
    api.createNamespacedEvent(c.namespace(), coreEvent(c, "ev3-about", "ev3-owner")).execute();
    api.createNamespacedEvent(c.namespace(), coreEvent(c, "ev3-other", "ev3-someone-else")).execute();
    Answer list = c.list(Resource.CORE_EVENTS, "fieldSelector", "involvedObject.name=ev3-owner");
    assertThat(list.code()).as("%s", list).isEqualTo(200);
    assertThat(list.itemNames()).containsExactly("ev3-about");
  }

  @ContractTest
  @DisplayName("E4: an events.k8s.io/v1 Event created with the typed client (201) stores eventTime with microseconds")
  void e4(Contract c) throws ApiException {
    new EventsV1Api(c.api()).createNamespacedEvent(c.namespace(), newEvent(c, "ev-new", "ev-owner")).execute();
    Answer stored = c.get(Resource.EVENTS, "ev-new");
    Expect.ok(stored, 200, "Event");
    assertThat(stored.text("/eventTime")).matches(MICROSECONDS);
  }

  @ContractTest
  @DisplayName("E5: an events.k8s.io/v1 Event without eventTime is 422 Invalid: eventTime Required")
  void e5(Contract c) {
    ObjectNode event =
        Json.object(
            """
            {'apiVersion':'events.k8s.io/v1','kind':'Event','metadata':{'name':'ev-new-bad'},
             'regarding':{'apiVersion':'contract.ramp.dev/v1','kind':'Rollout','name':'ev-owner','namespace':'%s'},
             'reason':'StepCompleted','note':'n','type':'Normal'}"""
                .formatted(c.namespace()));
    Expect.failure(c.create(Resource.EVENTS, event), 422, "Invalid", "Event \"ev-new-bad\" is invalid: eventTime: Required value");
  }

  @ContractTest
  @DisplayName("E6: events created through either API are listed by both")
  void e6(Contract c) throws ApiException {
    new CoreV1Api(c.api()).createNamespacedEvent(c.namespace(), coreEvent(c, "ev6-core", "ev6-owner")).execute();
    new EventsV1Api(c.api()).createNamespacedEvent(c.namespace(), newEvent(c, "ev6-new", "ev6-owner")).execute();
    for (Resource api : List.of(Resource.EVENTS, Resource.CORE_EVENTS)) {
      Answer list = c.list(api);
      assertThat(list.code()).as("%s", list).isEqualTo(200);
      assertThat(list.itemNames().stream().filter(n -> n.startsWith("ev6-")))
          .as("%s", list)
          .containsExactly("ev6-core", "ev6-new");
    }
  }
}
