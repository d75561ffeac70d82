package dev.ramp.sandbox.errors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.json.Json;
import java.util.List;

/**
 * A request the API server refuses, carried as the {@code Status} body a real kube-apiserver sends:
 * code, reason, message and details in its exact words (shared/REAL-APISERVER.md).
 */
public final class ApiException extends RuntimeException {
  private final int code;
  private final String reason;
  private final ObjectNode details;

  public ApiException(int code, String reason, String message, ObjectNode details) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  /** The Status object as the server writes it. */
  public ObjectNode status() {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", getMessage());
    if (!reason.isEmpty()) {
      status.put("reason", reason);
    }
    if (details != null && !details.isEmpty()) {
      status.set("details", details);
    }
    status.put("code", code);
    return status;
  }

  /** What a resource is called in messages: {@code configmaps}, {@code rollouts.spike.example.com}. */
  public record Target(String group, String plural, String kind) {
    public String groupResource() {
      return group.isEmpty() ? plural : plural + "." + group;
    }

    public String qualifiedKind() {
      return group.isEmpty() ? kind : kind + "." + group;
    }
  }

  private static ObjectNode details(String name, String group, String kind) {
    ObjectNode details = Json.object();
    if (name != null && !name.isEmpty()) {
      details.put("name", name);
    }
    if (group != null && !group.isEmpty()) {
      details.put("group", group);
    }
    if (kind != null && !kind.isEmpty()) {
      details.put("kind", kind);
    }
    return details;
  }

  public static ApiException notFound(Target target, String name) {
    return new ApiException(404, "NotFound", target.groupResource() + " \"" + name + "\" not found",
        details(name, target.group(), target.plural()));
  }

  public static ApiException namespaceNotFound(String namespace) {
    return notFound(new Target("", "namespaces", "Namespace"), namespace);
  }

  /** The 404 for a path nothing serves. */
  public static ApiException pathNotFound() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource", details(null, null, null));
  }

  public static ApiException alreadyExists(Target target, String name) {
    return new ApiException(409, "AlreadyExists", target.groupResource() + " \"" + name + "\" already exists",
        details(name, target.group(), target.plural()));
  }

  public static final String MODIFIED =
      "the object has been modified; please apply your changes to the latest version and try again";

  /** A stale resourceVersion on update or patch (R2–R5, R8). */
  public static ApiException conflict(Target target, String name) {
    return new ApiException(409, "Conflict",
        "Operation cannot be fulfilled on " + target.groupResource() + " \"" + name + "\": " + MODIFIED,
        details(name, target.group(), target.plural()));
  }

  /** A failed delete precondition (R10, R11): these name the kind, not the resource. */
  public static ApiException preconditionConflict(Target target, String name, String why) {
    return new ApiException(409, "Conflict",
        "Operation cannot be fulfilled on " + target.qualifiedKind() + " \"" + name + "\": " + why,
        details(name, target.group(), target.kind()));
  }

  public static ApiException invalid(Target target, String name, List<FieldError> errors) {
    return invalid(target.qualifiedKind(), target.group(), target.kind(), name, errors);
  }

  public static ApiException invalid(String qualified, String group, String kind, String name, List<FieldError> errors) {
    ObjectNode details = details(name, group, kind);
    ArrayNode causes = details.putArray("causes");
    for (FieldError error : errors) {
      ObjectNode cause = causes.addObject();
      cause.put("reason", error.type());
      String prefix = error.field() + ": ";
      cause.put("message", error.text().startsWith(prefix) ? error.text().substring(prefix.length()) : error.text());
      cause.put("field", error.field());
    }
    return new ApiException(422, "Invalid", qualified + " \"" + name + "\" is invalid: " + aggregate(errors), details);
  }

  /** How Go's aggregated errors print: one error bare, several in brackets. */
  public static String aggregate(List<FieldError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).text();
    }
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < errors.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(errors.get(i).text());
    }
    return text.append(']').toString();
  }

  /** A JSON patch that cannot be applied (R6, V5, V6). */
  public static ApiException patchNotApplicable(String why) {
    ObjectNode details = Json.object();
    ObjectNode cause = details.putArray("causes").addObject();
    cause.put("reason", "UnexpectedServerResponse");
    cause.put("message", why);
    return new ApiException(422, "Invalid", "the server rejected our request due to an error in our request", details);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, null);
  }

  public static ApiException forbidden(Target target, String name, String why, String causeReason, String causeField) {
    ObjectNode details = details(name, target.group(), target.plural());
    if (causeReason != null) {
      ObjectNode cause = details.putArray("causes").addObject();
      cause.put("reason", causeReason);
      cause.put("message", why);
      cause.put("field", causeField);
    }
    return new ApiException(403, "Forbidden", target.groupResource() + " \"" + name + "\" is forbidden: " + why, details);
  }

  public static ApiException methodNotAllowed(String message) {
    return new ApiException(405, "MethodNotAllowed", message, details(null, null, null));
  }

  public static ApiException methodNotAllowed() {
    return methodNotAllowed("the server does not allow this method on the requested resource");
  }

  public static ApiException unsupportedMediaType(List<String> accepted) {
    return new ApiException(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: " + String.join(", ", accepted),
        null);
  }

  public static ApiException notAcceptable(List<String> accepted) {
    return new ApiException(406, "NotAcceptable",
        "only the following media types are accepted: " + String.join(", ", accepted), null);
  }

  public static ApiException expired(String message) {
    return new ApiException(410, "Expired", message, null);
  }

  public static ApiException internal(String message) {
    return new ApiException(500, "InternalError", "Internal error occurred: " + message, null);
  }
}
