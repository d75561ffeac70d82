package dev.ramp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Watch semantics (W1–W7): starting points, resourceVersions, selectors, bookmarks, expiry. */
class WatchTest {
  static Sandbox sandbox;
  static Http http;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().watchHistory(50).start();
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static String ns(String name) {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
    return "/api/v1/namespaces/" + name + "/configmaps";
  }

  static String cm(String name, String labels) {
    return "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{" + labels + "}}}";
  }

  static List<String> summary(List<JsonNode> events) {
    return events.stream().map(e -> e.path("type").asText() + " " + e.at("/object/metadata/name").asText()).toList();
  }

  @Test
  void watchFromTheListVersionSeesOnlyLaterEvents() throws Exception {
    String path = ns("w1");
    http.post(path, cm("w0", ""));
    String listRv = http.get(path).at("/metadata/resourceVersion").asText();
    CompletableFuture<List<JsonNode>> events = CompletableFuture.supplyAsync(() ->
        http.watch(path + "?watch=true&timeoutSeconds=5&resourceVersion=" + listRv, 3));
    String created = http.post(path, cm("w1", "")).at("/metadata/resourceVersion").asText();
    String modified = http.merge(path + "/w1", "{\"data\":{\"a\":\"b\"}}").at("/metadata/resourceVersion").asText();
    http.delete(path + "/w1");
    List<JsonNode> seen = events.get();
    assertThat(summary(seen)).containsExactly("ADDED w1", "MODIFIED w1", "DELETED w1");
    assertThat(seen.get(0).at("/object/metadata/resourceVersion").asText()).isEqualTo(created);
    long deletedRv = seen.get(2).at("/object/metadata/resourceVersion").asLong();
    assertThat(deletedRv).as("W1c: DELETED has its own rv").isGreaterThan(Long.parseLong(modified));
    assertThat(seen.get(0).at("/object/kind").asText()).isEqualTo("ConfigMap");

    List<JsonNode> resumed = http.watch(path + "?watch=1&timeoutSeconds=5&resourceVersion=" + modified, 1);
    assertThat(summary(resumed)).as("W2").containsExactly("DELETED w1");

    List<JsonNode> fromNothing = http.watch(path + "?watch=1&timeoutSeconds=5", 1);
    assertThat(summary(fromNothing)).as("W4").containsExactly("ADDED w0");
  }

  @Test
  void tooOldResourceVersionEndsWithExpired() {
    List<JsonNode> events = http.watch("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1");
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.path("type").asText()).isEqualTo("ERROR");
      assertThat(event.at("/object/code").asInt()).isEqualTo(410);
      assertThat(event.at("/object/reason").asText()).isEqualTo("Expired");
      assertThat(event.at("/object/message").asText()).startsWith("too old resource version: 1 (");
    });
  }

  @Test
  void historyBeyondItsLimitExpires() {
    String path = ns("w3");
    String start = http.post(path, cm("first", "")).at("/metadata/resourceVersion").asText();
    for (int i = 0; i < 60; i++) {
      http.merge(path + "/first", "{\"data\":{\"i\":\"" + i + "\"}}");
    }
    List<JsonNode> events = http.watch(path + "?watch=1&resourceVersion=" + start);
    assertThat(events).singleElement().satisfies(event -> assertThat(event.at("/object/code").asInt()).isEqualTo(410));
  }

  @Test
  void objectsMovingAcrossTheSelectorAreAddedAndDeleted() throws Exception {
    String path = ns("w6");
    String rv = http.get(path).at("/metadata/resourceVersion").asText();
    http.post(path, cm("lw1", "\"sel\":\"web\""));
    CompletableFuture<List<JsonNode>> events = CompletableFuture.supplyAsync(() ->
        http.watch(path + "?watch=1&timeoutSeconds=5&labelSelector=sel%3Dweb&resourceVersion=" + rv, 3));
    http.merge(path + "/lw1", "{\"metadata\":{\"labels\":{\"sel\":\"api\"}}}");
    http.merge(path + "/lw1", "{\"data\":{\"x\":\"1\"}}");
    http.merge(path + "/lw1", "{\"metadata\":{\"labels\":{\"sel\":\"web\"}}}");
    assertThat(summary(events.get())).containsExactly("ADDED lw1", "DELETED lw1", "ADDED lw1");
  }

  @Test
  void setBasedSelectorFiltersTheInitialEvents() {
    String path = ns("w7");
    for (String hash : List.of("a", "b", "c")) {
      http.post(path, cm("lw-" + hash, "\"fid-hash\":\"" + hash + "\""));
    }
    List<JsonNode> events = http.watch(path + "?watch=1&timeoutSeconds=1&labelSelector=fid-hash%20in%20(a%2Cb)");
    assertThat(summary(events)).containsExactly("ADDED lw-a", "ADDED lw-b");
  }

  @Test
  void bookmarksComeOnlyWhenTheCollectionMovedOn() throws Exception {
    String path = ns("w5");
    // another resource: a write to any ConfigMap moves the ConfigMaps' watch cache on, as on a real server
    String quietPath = ns("w5-quiet").replace("configmaps", "secrets");
    String quietRv = http.get(quietPath).at("/metadata/resourceVersion").asText();
    CompletableFuture<List<JsonNode>> quiet = CompletableFuture.supplyAsync(() -> http.watch(quietPath
        + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=3&labelSelector=fid-watch%3D1&resourceVersion=" + quietRv));
    String rv = http.get(path).at("/metadata/resourceVersion").asText();
    CompletableFuture<List<JsonNode>> events = CompletableFuture.supplyAsync(() -> http.watch(path
        + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=3&labelSelector=fid-watch%3D1&resourceVersion=" + rv));
    String other = http.post(path, cm("bm-other", "")).at("/metadata/resourceVersion").asText();
    assertThat(quiet.get()).as("W5").isEmpty();
    List<JsonNode> seen = events.get();
    assertThat(seen).as("W5b").singleElement().satisfies(event -> {
      assertThat(event.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(event.at("/object/metadata/resourceVersion").asText()).isEqualTo(other);
    });
  }
}
