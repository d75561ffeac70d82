package dev.ramp.controller.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ramp.controller.kube.JsonPatch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualServiceRoutesTest {
  private static final String WHAT = "VirtualService default/demo";
  private static final Destination CANARY = Destination.host("demo-canary", "default");
  private static final Destination STABLE = Destination.host("demo-stable", "default");

  /** A VirtualService with a named primary route (90/10), a named "other" route to another host. */
  private static JsonObject twoRoutes() {
    return json("""
        {"apiVersion":"networking.istio.io/v1beta1","kind":"VirtualService",
         "metadata":{"name":"demo","namespace":"default","resourceVersion":"41"},
         "spec":{"hosts":["demo"],"http":[
           {"name":"other","route":[{"destination":{"host":"elsewhere"},"weight":100}]},
           {"name":"primary","route":[
             {"destination":{"host":"demo-stable"},"weight":90},
             {"destination":{"host":"demo-canary.default.svc.cluster.local"},"weight":10}]}]}}
        """);
  }

  private static JsonObject singleUnnamedRoute(String weights) {
    return json("""
        {"metadata":{"name":"demo","namespace":"default","resourceVersion":"7"},
         "spec":{"http":[{"route":[%s]}]}}
        """.formatted(weights));
  }

  @Test
  void namedRoutesAreFoundByName() {
    VirtualServiceRoutes.Selection selection = VirtualServiceRoutes.select(twoRoutes(), WHAT, List.of("primary"));

    assertThat(selection.problems()).isEmpty();
    assertThat(selection.indexes()).containsExactly(1);
    assertThat(VirtualServiceRoutes.canaryWeight(twoRoutes(), selection.indexes(), CANARY, STABLE)).contains(10);
  }

  @Test
  void aRouteNameNotInTheVirtualServiceIsAProblemThatNamesIt() {
    VirtualServiceRoutes.Selection selection =
        VirtualServiceRoutes.select(twoRoutes(), WHAT, List.of("primary", "secondary"));

    assertThat(selection.indexes()).containsExactly(1);
    assertThat(selection.problems()).containsExactly("route 'secondary' not found in VirtualService default/demo");
  }

  @Test
  void aSingleUnnamedRouteNeedsNoName() {
    JsonObject vs = singleUnnamedRoute("""
        {"destination":{"host":"demo-stable"},"weight":100},{"destination":{"host":"demo-canary"},"weight":0}""");

    VirtualServiceRoutes.Selection selection = VirtualServiceRoutes.select(vs, WHAT, List.of());

    assertThat(selection.problems()).isEmpty();
    assertThat(selection.indexes()).containsExactly(0);
    assertThat(VirtualServiceRoutes.canaryWeight(vs, selection.indexes(), CANARY, STABLE)).contains(0);
  }

  @Test
  void severalRoutesWithoutNamesIsAProblem() {
    assertThat(VirtualServiceRoutes.select(twoRoutes(), WHAT, List.of()).problems())
        .containsExactly("VirtualService default/demo has 2 HTTP routes; name the ones Ramp sets in the Rollout's "
            + "virtualService.routes");
  }

  @Test
  void aRouteWithoutTheCanaryDestinationIsAProblem() {
    assertThat(VirtualServiceRoutes.missingDestinations(twoRoutes(), WHAT, List.of(0), CANARY, STABLE))
        .containsExactly(
            "route 'other' of VirtualService default/demo has no destination with host demo-canary",
            "route 'other' of VirtualService default/demo has no destination with host demo-stable");
  }

  @Test
  void theWeightPatchSetsBothDestinationsOfTheNamedRoutesOnlyAndTestsTheResourceVersion() {
    JsonPatch patch = VirtualServiceRoutes.weightPatch(twoRoutes(), List.of(1), CANARY, STABLE, 30).orElseThrow();

    assertThat(patch.operations()).isEqualTo(jsonArray("""
        [{"op":"test","path":"/metadata/resourceVersion","value":"41"},
         {"op":"add","path":"/spec/http/1/route/0/weight","value":70},
         {"op":"add","path":"/spec/http/1/route/1/weight","value":30}]"""));
  }

  @Test
  void nothingIsWrittenWhenTheWeightsAreAlreadySo() {
    assertThat(VirtualServiceRoutes.weightPatch(twoRoutes(), List.of(1), CANARY, STABLE, 10)).isEmpty();
  }

  @Test
  void routesThatDisagreeReportNoWeightSoThatThePlannerWritesThemBack() {
    JsonObject edited = json("""
        {"metadata":{"resourceVersion":"9"},"spec":{"http":[
          {"name":"a","route":[{"destination":{"host":"demo-stable"},"weight":80},
                               {"destination":{"host":"demo-canary"},"weight":20}]},
          {"name":"b","route":[{"destination":{"host":"demo-stable"},"weight":50},
                               {"destination":{"host":"demo-canary"},"weight":50}]}]}}""");
    JsonObject notSummingTo100 = singleUnnamedRoute("""
        {"destination":{"host":"demo-stable"},"weight":60},{"destination":{"host":"demo-canary"},"weight":30}""");

    assertThat(VirtualServiceRoutes.canaryWeight(edited, List.of(0, 1), CANARY, STABLE)).isEmpty();
    assertThat(VirtualServiceRoutes.canaryWeight(notSummingTo100, List.of(0), CANARY, STABLE)).isEmpty();
  }

  @Test
  void aMissingWeightCountsAsIstioReadsIt() {
    JsonObject implicit = singleUnnamedRoute("""
        {"destination":{"host":"demo-stable"}},{"destination":{"host":"demo-canary"},"weight":100}""");

    assertThat(VirtualServiceRoutes.canaryWeight(implicit, List.of(0), CANARY, STABLE)).contains(100);
    assertThat(VirtualServiceRoutes.weightPatch(implicit, List.of(0), CANARY, STABLE, 100).orElseThrow().operations())
        .as("the implicit 0 is written out")
        .isEqualTo(jsonArray("""
            [{"op":"test","path":"/metadata/resourceVersion","value":"7"},
             {"op":"add","path":"/spec/http/0/route/0/weight","value":0}]"""));
  }

  @Test
  void subsetDestinationsAreMatchedBySubset() {
    JsonObject vs = singleUnnamedRoute("""
        {"destination":{"host":"demo","subset":"stable"},"weight":75},
        {"destination":{"host":"demo","subset":"canary"},"weight":25}""");

    assertThat(VirtualServiceRoutes.canaryWeight(vs, List.of(0), Destination.subset("canary"),
        Destination.subset("stable"))).isEqualTo(Optional.of(25));
  }

  @Test
  void hostsOfOtherNamespacesDoNotMatch() {
    JsonObject d = json("{\"host\":\"demo-canary.other.svc.cluster.local\"}");

    assertThat(CANARY.matches().test(d)).isFalse();
    assertThat(CANARY.matches().test(json("{\"host\":\"demo-canary.default\"}"))).isTrue();
  }

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  static JsonArray jsonArray(String text) {
    return JsonParser.parseString(text).getAsJsonArray();
  }
}
