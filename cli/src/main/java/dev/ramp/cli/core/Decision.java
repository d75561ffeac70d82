package dev.ramp.cli.core;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * What a command decides from a Rollout as read: write (and wait for the controller), nothing to
 * do because the effect is already there, or refuse because the command makes no sense now.
 */
public sealed interface Decision {

  /**
   * Merge patches to send (the main resource first, then {@code /status}), each with the
   * resourceVersion that was read, and how the controller's acknowledgement shows. Both patches
   * empty: the request is already written, only the acknowledgement is awaited.
   *
   * @param specPatch a merge patch of the Rollout ({@code {"spec":{"paused":true}}})
   * @param statusPatch a merge patch of its {@code /status} ({@code {"status":{"abort":true}}})
   */
  record Write(Optional<JsonObject> specPatch, Optional<JsonObject> statusPatch, Acknowledgement acknowledgement)
      implements Decision {

    public Write {
      specPatch = specPatch.map(JsonObject::deepCopy);
      statusPatch = statusPatch.map(JsonObject::deepCopy);
    }

    public static Write spec(JsonObject patch, Acknowledgement acknowledgement) {
      return new Write(Optional.of(patch), Optional.empty(), acknowledgement);
    }

    public static Write status(JsonObject patch, Acknowledgement acknowledgement) {
      return new Write(Optional.empty(), Optional.of(patch), acknowledgement);
    }

    public static Write awaitOnly(Acknowledgement acknowledgement) {
      return new Write(Optional.empty(), Optional.empty(), acknowledgement);
    }

    public boolean writesNothing() {
      return specPatch.isEmpty() && statusPatch.isEmpty();
    }
  }

  /** The effect asked for is already there; nothing is written and the command succeeds. */
  record AlreadyDone(String message) implements Decision {}

  /** The command makes no sense in this state; the reason says why and what would. */
  record Refused(String reason) implements Decision {}
}
