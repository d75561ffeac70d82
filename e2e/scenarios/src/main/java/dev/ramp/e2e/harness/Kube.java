package dev.ramp.e2e.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The scenarios' view of a Kubernetes API: objects as JSON trees, so that a test reads what the
 * server returns, field for field, whatever Java types the controller uses. Requests go through
 * client-java's {@link ApiClient}, which carries the kubeconfig's credentials to a real cluster.
 */
public final class Kube {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** Who the scenarios' writes belong to, in managedFields. */
  public static final String FIELD_MANAGER = "ramp-e2e";
  private static final String[] AUTH = {"BearerToken"};
  private static final int CONFLICT_RETRIES = 20;

  private final ApiClient client;
  private final ApiClient watchClient;

  public Kube(ApiClient client, ApiClient watchClient) {
    this.client = client;
    this.watchClient = watchClient;
  }

  /** A client for the cluster a kubeconfig file names (its current context). */
  public static Kube fromKubeconfig(Path kubeconfig) {
    try {
      ApiClient client = Config.fromConfig(kubeconfig.toString());
      client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(Duration.ofSeconds(30)).build());
      ApiClient watch = Config.fromConfig(kubeconfig.toString());
      watch.setHttpClient(watch.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
      return new Kube(client, watch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig, e);
    }
  }

  /** The API server's base URL. */
  public String server() {
    return client.getBasePath();
  }

  public Optional<ObjectNode> get(Kind kind, String namespace, String name) {
    try {
      return Optional.of(request("GET", kind.path(namespace) + "/" + name, List.of(), null, null));
    } catch (KubeException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The object, or an error naming what is missing. */
  public ObjectNode require(Kind kind, String namespace, String name) {
    return get(kind, namespace, name).orElseThrow(() ->
        new KubeException(404, kind + " " + namespace + "/" + name + " not found"));
  }

  /** The items of a collection (a namespace's, or all for a cluster-scoped kind) and the list's resourceVersion. */
  public Listing list(Kind kind, String namespace) {
    ObjectNode list = request("GET", kind.path(namespace), List.of(), null, null);
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode item : list.path("items")) {
      ObjectNode object = (ObjectNode) item;
      // a real server leaves kind and apiVersion off the items of a list
      object.put("kind", kind.kind());
      object.put("apiVersion", kind.apiVersion());
      items.add(object);
    }
    return new Listing(items, list.at("/metadata/resourceVersion").asText());
  }

  /** A collection's items and the resourceVersion to watch from. */
  public record Listing(List<ObjectNode> items, String resourceVersion) {}

  public ObjectNode create(Kind kind, String namespace, ObjectNode object) {
    return request("POST", kind.path(namespace), List.of(), bytes(object), "application/json");
  }

  /**
   * Server-side apply of one manifest (as {@code kubectl apply --server-side --force-conflicts}):
   * creates the object or sets the fields the manifest names.
   */
  public ObjectNode apply(ObjectNode manifest, String namespace) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kindName = manifest.path("kind").asText();
    Kind kind = Kind.of(apiVersion, kindName).orElseThrow(() ->
        new IllegalArgumentException("the scenarios do not know " + apiVersion + " " + kindName));
    String name = manifest.at("/metadata/name").asText();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(kindName + " without metadata.name cannot be applied");
    }
    ObjectNode body = manifest.deepCopy();
    if (kind.namespaced()) {
      ((ObjectNode) body.path("metadata")).put("namespace", namespace);
    }
    return request("PATCH", kind.path(namespace) + "/" + name,
        List.of(new Pair("fieldManager", FIELD_MANAGER), new Pair("force", "true")),
        bytes(body), "application/apply-patch+yaml");
  }

  /** An RFC 7386 merge patch of the object (or of its status subresource). */
  public ObjectNode mergePatch(Kind kind, String namespace, String name, ObjectNode patch, boolean status) {
    return request("PATCH", kind.path(namespace) + "/" + name + (status ? "/status" : ""), List.of(),
        bytes(patch), "application/merge-patch+json");
  }

  /**
   * Reads the object, changes it and writes it back with the resourceVersion it was read at (PUT),
   * reading again after a conflict: the write never overwrites a change it did not see.
   */
  public ObjectNode update(Kind kind, String namespace, String name, UnaryOperator<ObjectNode> change) {
    return update(kind, namespace, name, change, false);
  }

  /** {@link #update} on the status subresource. */
  public ObjectNode updateStatus(Kind kind, String namespace, String name, UnaryOperator<ObjectNode> change) {
    return update(kind, namespace, name, change, true);
  }

  private ObjectNode update(Kind kind, String namespace, String name, UnaryOperator<ObjectNode> change,
      boolean status) {
    KubeException last = null;
    for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
      ObjectNode current = require(kind, namespace, name);
      ObjectNode changed = change.apply(current.deepCopy());
      try {
        return request("PUT", kind.path(namespace) + "/" + name + (status ? "/status" : ""), List.of(),
            bytes(changed), "application/json");
      } catch (KubeException e) {
        if (!e.isConflict()) {
          throw e;
        }
        last = e;
      }
    }
    throw new KubeException(409, "gave up writing " + kind + " " + namespace + "/" + name + " after "
        + CONFLICT_RETRIES + " conflicts: " + (last == null ? "" : last.getMessage()));
  }

  public void delete(Kind kind, String namespace, String name) {
    try {
      request("DELETE", kind.path(namespace) + "/" + name, List.of(), null, null);
    } catch (KubeException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
  }

  /**
   * Watches a collection from a resourceVersion on a thread of its own, handing each event
   * ({@code type}, {@code object}) to the consumer, until the server ends the watch or it is closed.
   */
  public Watch watch(Kind kind, String namespace, String resourceVersion, Consumer<ObjectNode> events) {
    List<Pair> query = List.of(new Pair("watch", "true"), new Pair("resourceVersion", resourceVersion),
        new Pair("allowWatchBookmarks", "true"), new Pair("timeoutSeconds", "600"));
    Call call = call(watchClient, "GET", kind.path(namespace), query, null, null);
    return new Watch(call, events, kind + " in " + (namespace == null || namespace.isEmpty() ? "all" : namespace));
  }

  /** A running watch: events flow until the server ends it or {@link #close()} is called. */
  public static final class Watch implements AutoCloseable {
    private final Call call;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Optional<String> failure = Optional.empty();

    private Watch(Call call, Consumer<ObjectNode> events, String what) {
      this.call = call;
      this.thread = new Thread(() -> run(events), "watch " + what);
      this.thread.setDaemon(true);
      this.thread.start();
    }

    private void run(Consumer<ObjectNode> events) {
      try (Response response = call.execute()) {
        if (!response.isSuccessful()) {
          failure = Optional.of("HTTP " + response.code() + ": " + bodyText(response));
          return;
        }
        ResponseBody body = response.body();
        if (body == null) {
          return;
        }
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(body.byteStream(), StandardCharsets.UTF_8))) {
          String line;
          while (!closed && (line = reader.readLine()) != null) {
            if (!line.isBlank()) {
              events.accept((ObjectNode) JSON.readTree(line));
            }
          }
        }
      } catch (IOException e) {
        if (!closed) {
          failure = Optional.of(e.toString());
        }
      }
    }

    /** Waits until the watch has ended. */
    public void join() throws InterruptedException {
      thread.join();
    }

    /** Whether the watch has ended (the server closed it, it failed, or it was closed). */
    public boolean ended() {
      return !thread.isAlive();
    }

    /** Why the watch ended, if it failed. */
    public Optional<String> failure() {
      return failure;
    }

    @Override
    public void close() {
      closed = true;
      call.cancel();
    }
  }

  private ObjectNode request(String method, String path, List<Pair> query, byte[] body, String contentType) {
    Call call = call(client, method, path, query, body, contentType);
    try (Response response = call.execute()) {
      String text = bodyText(response);
      if (!response.isSuccessful()) {
        throw new KubeException(response.code(), method + " " + path + ": HTTP " + response.code() + " "
            + statusMessage(text));
      }
      return (ObjectNode) JSON.readTree(text);
    } catch (IOException e) {
      throw new KubeException(method + " " + path + ": no answer from " + client.getBasePath() + " (" + e + ")", e);
    }
  }

  private static Call call(ApiClient api, String method, String path, List<Pair> query, byte[] body,
      String contentType) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    try {
      return api.buildCall(api.getBasePath(), path, method, new ArrayList<>(query), new ArrayList<>(), body,
          headers, new HashMap<>(), new HashMap<>(), AUTH, null);
    } catch (ApiException e) {
      throw new KubeException(method + " " + path + ": cannot build the request (" + e.getMessage() + ")", e);
    }
  }

  private static String bodyText(Response response) throws IOException {
    ResponseBody body = response.body();
    return body == null ? "" : body.string();
  }

  /** The message of a Status answer, or the body itself. */
  private static String statusMessage(String text) {
    try {
      JsonNode status = JSON.readTree(text);
      String message = status.path("message").asText();
      return message.isEmpty() ? text : message;
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
