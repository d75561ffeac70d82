package dev.ramp.cli.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import dev.ramp.cli.core.Json;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The cluster a kubeconfig context names, reached with the user's own credentials: GET, LIST and
 * merge PATCH of raw JSON, and every failure turned into a sentence a person can act on (the
 * server, the verb and resource denied, the namespace looked in). A 409 is a
 * {@link ConflictException}, for the caller to re-read and decide again.
 */
public final class Cluster {
  private static final String[] AUTH = {"BearerToken"};
  private static final Pattern USER = Pattern.compile("User \"([^\"]*)\"");

  private final ApiClient client;
  private final String server;
  private final String context;

  /**
   * @param server the server URL, for messages
   * @param context which kubeconfig context this is, for messages ({@code context kind-dev})
   */
  public Cluster(ApiClient client, String server, String context) {
    this.client = client;
    this.server = server;
    this.context = context;
  }

  public String server() {
    return server;
  }

  public JsonObject get(ResourceRef ref) {
    return send(ref, "GET", Map.of(), null, null);
  }

  /** The object, or empty when the server says it does not exist. */
  public Optional<JsonObject> find(ResourceRef ref) {
    try {
      return Optional.of(get(ref));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  public JsonObject list(ResourceRef ref, Map<String, String> query) {
    return send(ref, "GET", query, null, null);
  }

  /** The items of a LIST. */
  public List<JsonObject> items(ResourceRef ref, Map<String, String> query) {
    List<JsonObject> items = new ArrayList<>();
    JsonElement array = list(ref, query).get("items");
    if (array != null && array.isJsonArray()) {
      for (JsonElement item : array.getAsJsonArray()) {
        if (item.isJsonObject()) {
          items.add(item.getAsJsonObject());
        }
      }
    }
    return items;
  }

  /**
   * A JSON merge patch (RFC 7386). Carry {@code metadata.resourceVersion} in it to make it
   * conditional: the server then answers 409 if the object changed since.
   */
  public JsonObject mergePatch(ResourceRef ref, JsonObject patch) {
    return send(ref, "PATCH", Map.of(), patch.toString().getBytes(StandardCharsets.UTF_8),
        "application/merge-patch+json");
  }

  private JsonObject send(ResourceRef ref, String method, Map<String, String> query, byte[] body, String contentType) {
    List<Pair> params = new ArrayList<>();
    query.forEach((k, v) -> params.add(new Pair(k, v)));
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    Call call;
    try {
      call = client.buildCall(null, ref.path(), method, params, List.of(), body, headers, new HashMap<>(),
          new HashMap<>(), AUTH, null);
    } catch (ApiException e) {
      throw new CliException(ExitCode.CLUSTER, "cannot build a request to " + server + " (" + context + "): "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CliException(ExitCode.CLUSTER, "cannot use the credentials of " + context + ": " + e.getMessage(), e);
    }
    try (Response response = call.execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      if (response.isSuccessful()) {
        return parse(text, ref);
      }
      throw failure(ref, verb(ref, method), response.code(), text);
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private JsonObject parse(String text, ResourceRef ref) {
    try {
      JsonElement element = JsonParser.parseString(text);
      if (element.isJsonObject()) {
        return element.getAsJsonObject();
      }
    } catch (JsonParseException e) {
      // falls through to the error below
    }
    throw new CliException(ExitCode.CLUSTER, "the server at " + server + " answered " + ref.path()
        + " with something that is not a JSON object: is it a Kubernetes API server?");
  }

  private static String verb(ResourceRef ref, String method) {
    return switch (method) {
      case "GET" -> ref.name().isPresent() ? "get" : "list";
      case "PATCH" -> "patch";
      case "PUT" -> "update";
      case "POST" -> "create";
      case "DELETE" -> "delete";
      default -> method.toLowerCase();
    };
  }

  private RuntimeException failure(ResourceRef ref, String verb, int code, String text) {
    JsonObject status = statusOf(text);
    String message = Json.string(status, "message").orElse(text.isBlank() ? "HTTP " + code : text.strip());
    switch (code) {
      case 401:
        return new CliException(ExitCode.CLUSTER, "unauthorized: the cluster at " + server
            + " did not accept the credentials of " + context + "; log in again or refresh the kubeconfig");
      case 403: {
        Matcher user = USER.matcher(message);
        String who = user.find() ? " (you are " + user.group(1) + ")" : "";
        return new CliException(ExitCode.CLUSTER, "forbidden: you cannot " + verb + " " + ref.rbacResource() + " "
            + ref.where() + who);
      }
      case 404:
        if (ref.name().isPresent() && Json.string(status, "details", "name").isPresent()) {
          return new NotFoundException(ref.kind() + " \"" + ref.name().get() + "\" not found "
              + ref.namespace().map(ns -> "in namespace \"" + ns + "\"").orElse("") + hint(ref));
        }
        return new CliException(ExitCode.CLUSTER, "the cluster at " + server + " does not serve " + ref.plural()
            + (ref.group().isEmpty() ? "" : "." + ref.group()) + "/" + ref.version()
            + (ref.group().equals("ramp.dev") ? ": are Ramp's CRDs installed? (kubectl apply -f crds/)" : ""));
      case 409:
        return new ConflictException(message);
      case 422:
        return new CliException(ExitCode.CLUSTER, "the cluster refused the change to " + ref.kind()
            + ref.name().map(n -> " " + n).orElse("") + ": " + message);
      default:
        return new CliException(ExitCode.CLUSTER, "the cluster at " + server + " answered " + code + " to " + verb
            + " " + ref.rbacResource() + " " + ref.where() + ": " + message);
    }
  }

  private static String hint(ResourceRef ref) {
    if (ref.kind().equals("rollout") && ref.namespace().isPresent()) {
      return " (`kubectl ramp list -n " + ref.namespace().get() + "` lists the rollouts there)";
    }
    return "";
  }

  private static JsonObject statusOf(String text) {
    try {
      JsonElement element = JsonParser.parseString(text);
      return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
    } catch (JsonParseException e) {
      return new JsonObject();
    }
  }

  private CliException unreachable(IOException e) {
    String why;
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      why = "connection refused";
    } else if (e instanceof UnknownHostException) {
      why = "unknown host " + e.getMessage();
    } else if (e instanceof SSLException) {
      why = "TLS failed: " + e.getMessage();
    } else if (e instanceof InterruptedIOException) {
      why = "no answer in time";
    } else {
      why = String.valueOf(e.getMessage());
    }
    return new CliException(ExitCode.CLUSTER, "no cluster reachable at " + server + " (" + context + "): " + why, e);
  }

  /** The object asked for does not exist; the message names it and the namespace looked in. */
  public static final class NotFoundException extends CliException {
    public NotFoundException(String message) {
      super(ExitCode.CLUSTER, message);
    }
  }
}
