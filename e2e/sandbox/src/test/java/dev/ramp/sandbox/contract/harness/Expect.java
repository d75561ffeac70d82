package dev.ramp.sandbox.contract.harness;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on answers, worded the way the server words them. */
public final class Expect {
  private Expect() {}

  /** A failure {@code Status}: its HTTP code, its reason and its whole message. */
  public static void failure(Answer answer, int code, String reason, String message) {
    assertThat(answer.code()).as("HTTP code of %s", answer).isEqualTo(code);
    assertThat(answer.kind()).as("body kind of %s", answer).isEqualTo("Status");
    assertThat(answer.text("/status")).as("status of %s", answer).isEqualTo("Failure");
    assertThat(answer.at("/code").asInt()).as("Status.code of %s", answer).isEqualTo(code);
    assertThat(answer.reason()).as("reason of %s", answer).isEqualTo(reason);
    assertThat(answer.message()).as("message of %s", answer).isEqualTo(message);
  }

  /** A failure {@code Status} whose message matches a regular expression. */
  public static void failureMatching(Answer answer, int code, String reason, String messageRegex) {
    assertThat(answer.code()).as("HTTP code of %s", answer).isEqualTo(code);
    assertThat(answer.kind()).as("body kind of %s", answer).isEqualTo("Status");
    assertThat(answer.reason()).as("reason of %s", answer).isEqualTo(reason);
    assertThat(answer.message()).as("message of %s", answer).matches(messageRegex);
  }

  /** A success with this code whose body is an object of this kind. */
  public static void ok(Answer answer, int code, String kind) {
    assertThat(answer.code()).as("HTTP code of %s", answer).isEqualTo(code);
    assertThat(answer.kind()).as("body kind of %s", answer).isEqualTo(kind);
  }

  /** {@code "Operation cannot be fulfilled on rollouts.contract.ramp.dev "x": the object has been modified; ..."}. */
  public static void conflictModified(Answer answer, Resource resource, String name) {
    failure(
        answer,
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + resource.qualifiedResource() + " \"" + name
            + "\": the object has been modified; please apply your changes to the latest version and try again");
  }

  /** {@code "configmaps "x" not found"}. */
  public static void notFound(Answer answer, Resource resource, String name) {
    failure(answer, 404, "NotFound", resource.qualifiedResource() + " \"" + name + "\" not found");
  }
}
