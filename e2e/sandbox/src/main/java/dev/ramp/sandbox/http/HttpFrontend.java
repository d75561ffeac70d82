package dev.ramp.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.patch.PatchType;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.TypeRegistry;
import dev.ramp.sandbox.selector.FieldSelector;
import dev.ramp.sandbox.selector.LabelSelector;
import dev.ramp.sandbox.selector.SelectorException;
import dev.ramp.sandbox.server.DeleteOptions;
import dev.ramp.sandbox.server.ListOptions;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.server.Result;
import dev.ramp.sandbox.server.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP face of the sandbox: kube-apiserver's URL layout (/api/v1/..., /apis/{group}/{version}/...,
 * namespaced and cluster-scoped, subresources), discovery, and JSON bodies. One thread per request;
 * watches hold theirs for as long as they stream.
 */
public final class HttpFrontend implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpFrontend.class.getName());

  private final Resources resources;
  private final TypeRegistry registry;
  private final Discovery discovery;
  private final HttpServer server;
  private final ExecutorService executor;

  public HttpFrontend(Resources resources, int port) throws IOException {
    // small responses must not wait for Nagle and delayed ACKs
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.resources = resources;
    this.registry = resources.registry();
    this.discovery = new Discovery(registry);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "sandbox-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.executor = Executors.newCachedThreadPool(factory);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (ApiException e) {
      send(exchange, e.code(), e.status(), List.of());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sandbox request failed: " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
      ApiException internal = ApiException.internal(String.valueOf(e.getMessage()));
      send(exchange, 500, internal.status(), List.of());
    } catch (IOException e) {
      // the client went away
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Query query = Query.parse(exchange.getRequestURI().getRawQuery());
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
      }
    }
    if (segments.isEmpty()) {
      ObjectNode paths = Json.object();
      var list = paths.putArray("paths");
      List.of("/api", "/api/v1", "/apis", "/healthz", "/livez", "/readyz", "/version").forEach(list::add);
      send(exchange, 200, paths, List.of());
      return;
    }
    switch (segments.get(0)) {
      case "healthz", "livez", "readyz" -> sendText(exchange, 200, "ok");
      case "version" -> send(exchange, 200, Discovery.version(), List.of());
      case "openapi" -> openApi(exchange, segments);
      case "api" -> {
        if (segments.size() == 1) {
          send(exchange, 200, discovery.apiVersions("127.0.0.1:" + port()), List.of());
        } else if (!segments.get(1).equals("v1")) {
          throw ApiException.pathNotFound();
        } else if (segments.size() == 2) {
          send(exchange, 200, discovery.resourceList("", "v1"), List.of());
        } else {
          resource(exchange, method, query, "", "v1", segments.subList(2, segments.size()));
        }
      }
      case "apis" -> {
        if (segments.size() == 1) {
          send(exchange, 200, discovery.groupList(), List.of());
        } else if (segments.size() == 2) {
          if (!discovery.servesGroup(segments.get(1))) {
            throw ApiException.pathNotFound();
          }
          send(exchange, 200, discovery.group(segments.get(1)), List.of());
        } else if (segments.size() == 3) {
          if (!discovery.serves(segments.get(1), segments.get(2))) {
            throw ApiException.pathNotFound();
          }
          send(exchange, 200, discovery.resourceList(segments.get(1), segments.get(2)), List.of());
        } else {
          resource(exchange, method, query, segments.get(1), segments.get(2), segments.subList(3, segments.size()));
        }
      }
      default -> throw ApiException.pathNotFound();
    }
  }

  private void openApi(HttpExchange exchange, List<String> segments) {
    if (segments.size() == 2 && segments.get(1).equals("v2")) {
      byte[] document = OpenApiV2.document(registry);
      try {
        exchange.getResponseHeaders().set("Content-Type", OpenApiV2.PROTOBUF);
        exchange.sendResponseHeaders(200, document.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(document);
        }
      } catch (IOException e) {
        // the client went away
      }
      return;
    }
    if (segments.size() < 2 || !segments.get(1).equals("v3")) {
      throw ApiException.pathNotFound();
    }
    if (segments.size() == 2) {
      send(exchange, 200, discovery.openApiV3Root(), List.of());
      return;
    }
    boolean core = segments.get(2).equals("api") && segments.size() == 4;
    boolean named = segments.get(2).equals("apis") && segments.size() == 5;
    String group = core ? "" : named ? segments.get(3) : null;
    String version = segments.get(segments.size() - 1);
    if (group == null || !discovery.serves(group, version)) {
      throw ApiException.pathNotFound();
    }
    send(exchange, 200, discovery.openApiV3(group, version), List.of());
  }

  /** What a resource path names. */
  private record Target(ResourceType type, String namespace, String name, String subresource, boolean watchPath) {}

  private Target target(String group, String version, List<String> rest) {
    List<String> parts = new ArrayList<>(rest);
    boolean watchPath = false;
    if (!parts.isEmpty() && parts.get(0).equals("watch")) {
      watchPath = true;
      parts.remove(0);
    }
    String namespace = "";
    if (parts.size() >= 3 && parts.get(0).equals("namespaces")) {
      Optional<ResourceType> namespaced = registry.find(group, version, parts.get(2)).filter(ResourceType::namespaced);
      if (namespaced.isPresent() || !group.isEmpty() || parts.size() > 3) {
        namespace = parts.get(1);
        parts = parts.subList(2, parts.size());
      }
    }
    if (parts.isEmpty() || parts.size() > 3) {
      throw ApiException.pathNotFound();
    }
    ResourceType type = registry.find(group, version, parts.get(0)).orElseThrow(ApiException::pathNotFound);
    String name = parts.size() > 1 ? parts.get(1) : "";
    String subresource = parts.size() > 2 ? parts.get(2) : "";
    if (!type.namespaced() && !namespace.isEmpty()) {
      throw ApiException.pathNotFound();
    }
    if (type.namespaced() && namespace.isEmpty() && !name.isEmpty()) {
      throw ApiException.pathNotFound();
    }
    return new Target(type, namespace, name, subresource, watchPath);
  }

  private void resource(HttpExchange exchange, String method, Query query, String group, String version, List<String> rest)
      throws IOException {
    Target target = target(group, version, rest);
    ResourceType type = target.type();
    String namespace = target.namespace();
    String name = target.name();
    String subresource = target.subresource();
    switch (method) {
      case "GET" -> {
        if (name.isEmpty()) {
          if (target.watchPath() || query.flag("watch") && query.values().containsKey("watch")) {
            watch(exchange, type, namespace, query);
          } else {
            ListOptions options = listOptions(query);
            if (Tables.wanted(exchange)) {
              send(exchange, 200, Tables.list(resources.list(type, namespace, options), resources.clock()), List.of());
            } else {
              sendBytes(exchange, 200, Lists.write(resources.list(type, namespace, options)), List.of());
            }
          }
        } else if (target.watchPath()) {
          Query single = Query.parse("fieldSelector=metadata.name%3D" + name);
          watch(exchange, type, namespace, merge(query, single));
        } else {
          ObjectNode object = subresource.isEmpty() ? resources.get(type, namespace, name)
              : resources.getSubresource(type, namespace, name, subresource);
          if (Tables.wanted(exchange) && subresource.isEmpty()) {
            send(exchange, 200, Tables.single(type, object, resources.clock()), List.of());
          } else {
            send(exchange, 200, object, List.of());
          }
        }
      }
      case "POST" -> {
        if (!name.isEmpty()) {
          throw ApiException.methodNotAllowed();
        }
        Result result = resources.create(type, namespace, bodyObject(exchange), writeOptions(query));
        send(exchange, result.code(), result.body(), result.warnings());
      }
      case "PUT" -> {
        if (name.isEmpty()) {
          throw ApiException.methodNotAllowed();
        }
        Result result = resources.update(type, namespace, name, subresource, bodyObject(exchange), writeOptions(query));
        send(exchange, result.code(), result.body(), result.warnings());
      }
      case "PATCH" -> {
        if (name.isEmpty()) {
          throw ApiException.methodNotAllowed();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        PatchType patchType = PatchType.of(contentType)
            .orElseThrow(() -> ApiException.unsupportedMediaType(Resources.acceptedPatchTypes(type)));
        Result result = resources.patch(type, namespace, name, subresource, patchType, body(exchange), writeOptions(query));
        send(exchange, result.code(), result.body(), result.warnings());
      }
      case "DELETE" -> {
        if (!subresource.isEmpty()) {
          throw ApiException.methodNotAllowed();
        }
        DeleteOptions options = deleteOptions(query, body(exchange));
        if (name.isEmpty()) {
          send(exchange, 200, resources.deleteCollection(type, namespace, listOptions(query), options), List.of());
        } else {
          Result result = resources.delete(type, namespace, name, options);
          send(exchange, result.code(), result.body(), result.warnings());
        }
      }
      default -> throw ApiException.methodNotAllowed();
    }
  }

  private static Query merge(Query query, Query extra) {
    var values = new java.util.LinkedHashMap<>(query.values());
    values.putAll(extra.values());
    return new Query(values);
  }

  private void watch(HttpExchange exchange, ResourceType type, String namespace, Query query) throws IOException {
    ListOptions options = listOptions(query);
    try {
      options.fields().requireSupported(type.supportedFieldLabels());
    } catch (SelectorException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    String rv = query.get("resourceVersion");
    OptionalLong from;
    if (rv.isEmpty() || rv.equals("0")) {
      from = OptionalLong.empty();
    } else {
      try {
        from = OptionalLong.of(Long.parseLong(rv));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid resource version: " + rv);
      }
    }
    new WatchStream(resources, type, namespace, options.labels(), options.fields())
        .run(exchange, from, query.flag("allowWatchBookmarks") && query.values().containsKey("allowWatchBookmarks"),
            query.number("timeoutSeconds"));
  }

  private static ListOptions listOptions(Query query) {
    try {
      LabelSelector labels = LabelSelector.parse(query.get("labelSelector"));
      FieldSelector fields = FieldSelector.parse(query.get("fieldSelector"));
      long limit = query.number("limit").orElse(0);
      return new ListOptions(labels, fields, Math.max(0, limit), query.get("continue"));
    } catch (SelectorException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static WriteOptions writeOptions(Query query) {
    WriteOptions.FieldValidation validation = switch (query.get("fieldValidation")) {
      case "Strict" -> WriteOptions.FieldValidation.STRICT;
      case "Ignore" -> WriteOptions.FieldValidation.IGNORE;
      case "", "Warn" -> WriteOptions.FieldValidation.WARN;
      default -> throw ApiException.badRequest("fieldValidation must be one of Ignore, Warn, Strict: "
          + query.get("fieldValidation"));
    };
    return new WriteOptions(query.get("dryRun").equals("All"), validation, query.get("fieldManager"),
        query.flag("force") && query.values().containsKey("force"));
  }

  private static DeleteOptions deleteOptions(Query query, byte[] body) {
    Optional<DeleteOptions.Propagation> propagation = Optional.empty();
    Optional<String> uid = Optional.empty();
    Optional<String> resourceVersion = Optional.empty();
    boolean dryRun = query.get("dryRun").equals("All");
    String policy = query.get("propagationPolicy");
    String orphan = query.get("orphanDependents");
    if (body.length > 0) {
      JsonNode options;
      try {
        options = Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw ApiException.badRequest("error decoding DeleteOptions: " + e.getMessage());
      }
      if (options != null && options.isObject()) {
        if (policy.isEmpty()) {
          policy = Json.text(options, "propagationPolicy");
        }
        if (orphan.isEmpty() && options.has("orphanDependents") && !options.get("orphanDependents").isNull()) {
          orphan = options.get("orphanDependents").asText();
        }
        String preconditionUid = Json.text(options, "preconditions", "uid");
        String preconditionRv = Json.text(options, "preconditions", "resourceVersion");
        uid = preconditionUid.isEmpty() ? uid : Optional.of(preconditionUid);
        resourceVersion = preconditionRv.isEmpty() ? resourceVersion : Optional.of(preconditionRv);
        for (JsonNode mode : options.path("dryRun")) {
          dryRun |= mode.asText().equals("All");
        }
      }
    }
    if (!policy.isEmpty()) {
      String wanted = policy;
      propagation = Optional.of(DeleteOptions.Propagation.parse(policy).orElseThrow(() -> ApiException.badRequest(
          "propagationPolicy: Unsupported value: \"" + wanted + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"")));
    } else if (orphan.equals("true")) {
      propagation = Optional.of(DeleteOptions.Propagation.ORPHAN);
    } else if (orphan.equals("false")) {
      propagation = Optional.of(DeleteOptions.Propagation.BACKGROUND);
    }
    return new DeleteOptions(propagation, uid, resourceVersion, dryRun);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static ObjectNode bodyObject(HttpExchange exchange) throws IOException {
    byte[] body = body(exchange);
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(java.util.Locale.ROOT);
    if (contentType.contains("protobuf")) {
      throw ApiException.unsupportedMediaType(List.of("application/json", "application/yaml"));
    }
    try {
      JsonNode node = contentType.contains("yaml")
          ? Json.parseYaml(new String(body, StandardCharsets.UTF_8))
          : Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("the body of the request must be a JSON object");
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw ApiException.badRequest("the body of the request could not be decoded: " + e.getMessage());
    }
  }

  private static void send(HttpExchange exchange, int code, JsonNode body, List<String> warnings) {
    sendBytes(exchange, code, Json.bytes(body), warnings);
  }

  private static void sendBytes(HttpExchange exchange, int code, byte[] bytes, List<String> warnings) {
    try {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
      for (String warning : warnings) {
        exchange.getResponseHeaders().add("Warning", "299 - " + quoteWarning(warning));
      }
      exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String quoteWarning(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void sendText(HttpExchange exchange, int code, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
