package dev.ramp.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.server.WriteOptions;
import dev.ramp.sandbox.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which type stands for a shared collection, whatever order the types were registered in (E2, E5). */
class TypeRegistryTest {

  static TypeRegistry registry(List<ResourceType> builtins) {
    TypeRegistry registry = new TypeRegistry();
    registry.registerBuiltin(builtins);
    return registry;
  }

  static List<ResourceType> reversed() {
    List<ResourceType> types = new ArrayList<>(BuiltinTypes.all(Clock.systemUTC()));
    Collections.reverse(types);
    return types;
  }

  @Test
  void coreEventsStandForTheirCollectionInEitherRegistrationOrder() {
    for (List<ResourceType> builtins : List.of(BuiltinTypes.all(Clock.systemUTC()), reversed())) {
      ResourceType storage = registry(builtins).forCollection("core/events").orElseThrow();
      assertThat(storage.apiVersion()).isEqualTo("v1");
      assertThat(storage.kind()).isEqualTo("Event");
      assertThat(registry(builtins).collections().get("core/events")).isEqualTo(storage);
    }
  }

  @Test
  void aCrdsVersionsShareTheFirstVersionsType() {
    TypeRegistry registry = registry(BuiltinTypes.all(Clock.systemUTC()));
    List<ResourceType> versions = new ArrayList<>();
    for (String version : List.of("v1", "v1beta1")) {
      versions.add(ResourceType.builder("fidelity.example.com", version, "canaries", "Canary").custom()
          .collection("crd/canaries.fidelity.example.com").build());
    }
    registry.registerCrd("canaries.fidelity.example.com", versions);
    assertThat(registry.forCollection("crd/canaries.fidelity.example.com").orElseThrow().version()).isEqualTo("v1");
  }

  @Test
  void invalidEventsAreNamedByTheStorageKindThroughEitherApi() {
    TypeRegistry registry = registry(reversed());
    Store store = new Store(100);
    registry.all().forEach(type -> store.ensureCollection(type.collection()));
    Resources resources = new Resources(store, registry, Clock.systemUTC());
    ObjectNode namespace = Json.object();
    Json.metadata(namespace).put("name", "default");
    resources.create(registry.find("", "v1", "namespaces").orElseThrow(), "", namespace, WriteOptions.DEFAULT);

    ObjectNode eventsV1 = Json.object();
    eventsV1.put("apiVersion", "events.k8s.io/v1");
    eventsV1.put("kind", "Event");
    Json.metadata(eventsV1).put("name", "ev-new-bad");
    eventsV1.put("reason", "Test");
    eventsV1.put("type", "Normal");
    ResourceType newEvents = registry.find("events.k8s.io", "v1", "events").orElseThrow();
    assertThatThrownBy(() -> resources.create(newEvents, "default", eventsV1, WriteOptions.DEFAULT))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Event \"ev-new-bad\" is invalid: eventTime: Required value"));

    ObjectNode core = Json.object();
    Json.metadata(core).put("name", "ev-bad");
    core.putObject("involvedObject").put("kind", "Pod").put("name", "x").put("namespace", "elsewhere");
    ResourceType coreEvents = registry.find("", "v1", "events").orElseThrow();
    assertThatThrownBy(() -> resources.create(coreEvents, "default", core, WriteOptions.DEFAULT))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Event \"ev-bad\" is invalid: involvedObject.namespace: Invalid value: \"elsewhere\": "
                + "does not match event.namespace"));
  }
}
