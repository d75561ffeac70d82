package dev.ramp.controller.traffic;

import static dev.ramp.controller.traffic.VirtualServiceRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.plan.ObservedTraffic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualServiceSplitTest {
  private static final Destination CANARY = Destination.host("demo-canary", "default");
  private static final Destination STABLE = Destination.host("demo-stable", "default");
  private static final ObjectKey A = new ObjectKey("default", "vs-a");
  private static final ObjectKey B = new ObjectKey("mesh", "vs-b");
  private static final List<VirtualServiceRef> REFS = List.of(
      new VirtualServiceRef(A, List.of("primary")), new VirtualServiceRef(B, List.of()));

  private final FakeIstio istio = new FakeIstio();
  private final VirtualServiceSplit split = new VirtualServiceSplit(istio);

  private static JsonObject vs(String routeName, int canaryWeight) {
    String name = routeName == null ? "" : "\"name\":\"" + routeName + "\",";
    return json("""
        {"metadata":{"resourceVersion":"1"},"spec":{"http":[{%s"route":[
          {"destination":{"host":"demo-stable"},"weight":%d},
          {"destination":{"host":"demo-canary"},"weight":%d}]}]}}""".formatted(name, 100 - canaryWeight, canaryWeight));
  }

  @Test
  void theWeightIsKnownWhenEveryVirtualServiceAgrees() {
    istio.objects.put(A, vs("primary", 20));
    istio.objects.put(B, vs(null, 20));

    VirtualServiceSplit.Reading reading = split.read(REFS, Optional.of("v1"), CANARY, STABLE);

    assertThat(reading.problems()).isEmpty();
    assertThat(reading.canaryWeight()).contains(20);
  }

  @Test
  void oneVirtualServiceEditedByHandMakesTheWeightUnknown() {
    istio.objects.put(A, vs("primary", 20));
    istio.objects.put(B, vs(null, 0));

    assertThat(split.read(REFS, Optional.of("v1"), CANARY, STABLE).canaryWeight()).isEmpty();
  }

  @Test
  void writingPatchesOnlyTheVirtualServicesThatDifferAndKeepsTheAnswer() {
    istio.objects.put(A, vs("primary", 40));
    istio.objects.put(B, vs(null, 0));
    VirtualServiceSplit.Reading reading = split.read(REFS, Optional.of("v1"), CANARY, STABLE);
    TrafficState state = new TrafficState(null, ObservedTraffic.NONE, Map.of(),
        reading.virtualServices(), null, "v1");

    split.write(state, REFS, CANARY, STABLE, 40);

    assertThat(istio.patched).containsExactly(B);
    assertThat(state.virtualServices().get(B)).isEqualTo(istio.objects.get(B));
    assertThat(split.read(REFS, Optional.of("v1"), CANARY, STABLE).canaryWeight()).contains(40);
  }

  @Test
  void aMissingVirtualServiceIsAProblemThatNamesIt() {
    istio.objects.put(A, vs("primary", 0));

    assertThat(split.read(REFS, Optional.of("v1"), CANARY, STABLE).problems())
        .containsExactly("VirtualService mesh/vs-b not found");
  }

  @Test
  void withoutIstioEveryVirtualServiceIsAProblem() {
    assertThat(split.read(REFS, Optional.empty(), CANARY, STABLE).problems()).containsExactly(
        "VirtualService default/vs-a cannot be read: this cluster serves no networking.istio.io API "
            + "(is Istio installed?)",
        "VirtualService mesh/vs-b cannot be read: this cluster serves no networking.istio.io API "
            + "(is Istio installed?)");
  }

  /** Holds VirtualServices in memory and applies the {@code add} operations of JSON patches. */
  static final class FakeIstio extends IstioObjects {
    final Map<ObjectKey, JsonObject> objects = new LinkedHashMap<>();
    final List<ObjectKey> patched = new ArrayList<>();

    FakeIstio() {
      super(null, null, null);
    }

    @Override
    public Optional<String> version() {
      return Optional.of("v1");
    }

    @Override
    public Optional<JsonObject> get(String plural, String kind, String version, ObjectKey key) {
      return Optional.ofNullable(objects.get(key)).map(JsonObject::deepCopy);
    }

    @Override
    public JsonObject patch(String plural, String kind, String version, ObjectKey key, JsonPatch patch) {
      JsonObject object = objects.get(key).deepCopy();
      for (JsonElement op : patch.operations()) {
        JsonObject o = op.getAsJsonObject();
        if (o.get("op").getAsString().equals("add")) {
          add(object, o.get("path").getAsString(), o.get("value"));
        }
      }
      object.getAsJsonObject("metadata").addProperty("resourceVersion", "2");
      objects.put(key, object);
      patched.add(key);
      return object.deepCopy();
    }

    private static void add(JsonObject root, String path, JsonElement value) {
      String[] parts = path.substring(1).split("/");
      JsonElement at = root;
      for (int i = 0; i < parts.length - 1; i++) {
        at = at.isJsonArray() ? at.getAsJsonArray().get(Integer.parseInt(parts[i])) : at.getAsJsonObject().get(parts[i]);
      }
      at.getAsJsonObject().add(parts[parts.length - 1], value);
    }
  }
}
