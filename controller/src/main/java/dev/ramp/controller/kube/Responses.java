package dev.ramp.controller.kube;

import io.kubernetes.client.common.KubernetesType;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns client-java's responses into values or {@link KubeApiException}s that name the request. */
public final class Responses {
  private Responses() {}

  /** The object of a successful response; else the failure, a 409 as a conflict. */
  public static <T extends KubernetesType> T ok(String what, Supplier<KubernetesApiResponse<T>> call) {
    return ok(what, call, false);
  }

  /**
   * The object of a successful JSON patch that tested the resourceVersion; a 409 or 422 is a conflict
   * (the 422 is the failed test).
   */
  public static <T extends KubernetesType> T patched(String what, Supplier<KubernetesApiResponse<T>> call) {
    return ok(what, call, true);
  }

  /** The object, or empty on 404. */
  public static <T extends KubernetesType> Optional<T> found(String what, Supplier<KubernetesApiResponse<T>> call) {
    KubernetesApiResponse<T> response = invoke(what, call);
    if (response.isSuccess()) {
      return Optional.ofNullable(response.getObject());
    }
    if (response.getHttpStatusCode() == 404) {
      return Optional.empty();
    }
    throw failure(what, response, false);
  }

  /** Succeeds on success or 404 (a delete of something already gone). */
  public static <T extends KubernetesType> void gone(String what, Supplier<KubernetesApiResponse<T>> call) {
    KubernetesApiResponse<T> response = invoke(what, call);
    if (!response.isSuccess() && response.getHttpStatusCode() != 404) {
      throw failure(what, response, false);
    }
  }

  private static <T extends KubernetesType> T ok(String what, Supplier<KubernetesApiResponse<T>> call,
      boolean testedPatch) {
    KubernetesApiResponse<T> response = invoke(what, call);
    if (response.isSuccess()) {
      return response.getObject();
    }
    throw failure(what, response, testedPatch);
  }

  private static <T extends KubernetesType> KubernetesApiResponse<T> invoke(String what,
      Supplier<KubernetesApiResponse<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      // client-java wraps I/O failures (refused, timed out) in RuntimeException
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new KubeApiException(what, 0, cause.toString(), false);
    }
  }

  private static KubeApiException failure(String what, KubernetesApiResponse<?> response, boolean testedPatch) {
    int code = response.getHttpStatusCode();
    V1Status status = response.getStatus();
    String reason = status == null ? "" : (status.getReason() == null ? "" : status.getReason() + ": ")
        + (status.getMessage() == null ? "" : status.getMessage());
    boolean conflict = code == 409 || (testedPatch && code == 422);
    return new KubeApiException(what, code, reason, conflict);
  }
}
