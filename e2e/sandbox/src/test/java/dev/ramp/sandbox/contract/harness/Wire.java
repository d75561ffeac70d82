package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Raw HTTP to the cluster under test, for checks client-java's typed calls hide: exact status codes,
 * {@code Warning} headers, {@code Status} bodies. Requests go through the {@link ApiClient}'s own OkHttp
 * client and authentication, so they work against the sandbox and a real cluster alike.
 */
public final class Wire {
  private static final String[] AUTH = {"BearerToken"};

  private final ApiClient client;
  private final ApiClient watchClient;

  public Wire(ApiClient client, ApiClient watchClient) {
    this.client = client;
    this.watchClient = watchClient;
  }

  /** {@code query} holds name/value pairs: {@code get(path, "limit", "1")}. */
  public Answer get(String path, String... query) {
    return send("GET", path, null, null, query);
  }

  public Answer post(String path, JsonNode body, String... query) {
    return send("POST", path, "application/json", Json.write(body), query);
  }

  public Answer put(String path, JsonNode body, String... query) {
    return send("PUT", path, "application/json", Json.write(body), query);
  }

  /** A PATCH whose body is sent as given: JSON for most types, YAML or JSON for apply. */
  public Answer patch(String path, PatchType type, String body, String... query) {
    return send("PATCH", path, type.contentType(), body, query);
  }

  public Answer delete(String path, String... query) {
    return send("DELETE", path, null, null, query);
  }

  /** A DELETE carrying {@code DeleteOptions} (propagationPolicy, preconditions). */
  public Answer delete(String path, JsonNode deleteOptions, String... query) {
    return send("DELETE", path, "application/json", Json.write(deleteOptions), query);
  }

  public Answer send(String method, String path, String contentType, String body, String... query) {
    Request request = request(client, method, path, contentType, body, query);
    String described = method + " " + path + (query.length > 0 ? " " + String.join(" ", query) : "");
    try (Response response = client.getHttpClient().newCall(request).execute()) {
      Map<String, List<String>> headers = new HashMap<>();
      response.headers().names().forEach(name -> headers.put(name, response.headers(name)));
      String text = response.body() == null ? "" : response.body().string();
      return new Answer(described, response.code(), headers, text);
    } catch (IOException e) {
      throw new UncheckedIOException(described + " failed", e);
    }
  }

  /**
   * Opens a watch ({@code ?watch=true} is added) on the client without a read timeout and returns once
   * the server has answered with its headers, so that writes made afterwards fall inside the watch.
   */
  public WatchStream watch(String path, String... query) {
    String[] all = new String[query.length + 2];
    all[0] = "watch";
    all[1] = "true";
    System.arraycopy(query, 0, all, 2, query.length);
    Request request = request(watchClient, "GET", path, null, null, all);
    return WatchStream.open(watchClient.getHttpClient().newCall(request), "WATCH " + path + " " + String.join(" ", query));
  }

  private static Request request(
      ApiClient client, String method, String path, String contentType, String body, String... query) {
    if (query.length % 2 != 0) {
      throw new IllegalArgumentException("query must be name/value pairs: " + List.of(query));
    }
    List<Pair> params = new ArrayList<>();
    for (int i = 0; i < query.length; i += 2) {
      params.add(new Pair(query[i], query[i + 1]));
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    try {
      return client.buildRequest(
          null, path, method, params, new ArrayList<>(), payload, headers, new HashMap<>(), new HashMap<>(), AUTH, null);
    } catch (ApiException e) {
      throw new IllegalStateException("cannot build " + method + " " + path, e);
    }
  }
}
