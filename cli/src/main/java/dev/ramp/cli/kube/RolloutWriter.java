package dev.ramp.cli.kube;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import dev.ramp.cli.core.Acknowledgement;
import dev.ramp.cli.core.Decision;
import dev.ramp.cli.core.Json;
import dev.ramp.cli.core.RolloutSnapshot;
import io.kubernetes.client.openapi.JSON;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Carries out a command's decision: read, decide, write with the resourceVersion that was read (a
 * 409 means the Rollout changed: read again and decide again, so a write is never based on a stale
 * view), then wait until the controller has acknowledged it in status.
 */
public final class RolloutWriter {
  private static final int MAX_ATTEMPTS = 5;
  private static final Duration FIRST_POLL = Duration.ofMillis(100);
  private static final Duration MAX_POLL = Duration.ofSeconds(1);

  private final RolloutAccess rollouts;
  private final Clock clock;
  private final Sleeper sleeper;

  public RolloutWriter(RolloutAccess rollouts, Clock clock, Sleeper sleeper) {
    this.rollouts = rollouts;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** How a write ended, when it did not fail. */
  public sealed interface Applied {
    /** The controller acknowledged; {@code after} is the Rollout as it was then. */
    record Acknowledged(RolloutSnapshot before, Rollout after) implements Applied {}

    /** Written; we were told not to wait ({@code --timeout 0}). */
    record NotAwaited(RolloutSnapshot before) implements Applied {}

    /** Nothing to write: the effect was already there. */
    record AlreadyDone(String message) implements Applied {}
  }

  /**
   * @param action what is written, for messages ({@code abort})
   * @param timeout how long to wait for the controller; zero: do not wait
   * @throws CliException REFUSED when the decision refuses; NOT_FINISHED when the controller does
   *     not acknowledge in time
   */
  public Applied apply(String namespace, String name, String action, Function<RolloutSnapshot, Decision> decide,
      Duration timeout) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      RolloutSnapshot snapshot = rollouts.snapshot(namespace, name);
      Decision decision = decide.apply(snapshot);
      if (decision instanceof Decision.Refused refused) {
        throw new CliException(ExitCode.REFUSED, refused.reason());
      }
      if (decision instanceof Decision.AlreadyDone done) {
        return new Applied.AlreadyDone(done.message());
      }
      Decision.Write write = (Decision.Write) decision;
      Rollout written;
      try {
        written = write(namespace, name, snapshot, write);
      } catch (ConflictException e) {
        continue;
      }
      if (timeout.isZero()) {
        return new Applied.NotAwaited(snapshot);
      }
      return new Applied.Acknowledged(snapshot, await(namespace, name, action, written, write.acknowledgement(),
          timeout));
    }
    throw new CliException(ExitCode.CLUSTER, "rollout " + name + " kept changing while the " + action
        + " was written (" + MAX_ATTEMPTS + " conflicts in a row); try again");
  }

  private Rollout write(String namespace, String name, RolloutSnapshot snapshot, Decision.Write write) {
    Rollout written = snapshot.rollout();
    String resourceVersion = Json.string(snapshot.raw(), "metadata", "resourceVersion").orElse("");
    if (write.specPatch().isPresent()) {
      JsonObject result = rollouts.patch(namespace, name, false, conditional(write.specPatch().get(), resourceVersion));
      written = typed(result);
      resourceVersion = Json.string(result, "metadata", "resourceVersion").orElse(resourceVersion);
    }
    if (write.statusPatch().isPresent()) {
      JsonObject result = rollouts.patch(namespace, name, true,
          conditional(write.statusPatch().get(), resourceVersion));
      written = typed(result);
    }
    return written;
  }

  private Rollout await(String namespace, String name, String action, Rollout written, Acknowledgement ack,
      Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    Duration pause = FIRST_POLL;
    Rollout now = written;
    while (true) {
      if (ack.isMet(written, now)) {
        return now;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new CliException(ExitCode.NOT_FINISHED, "the " + action + " of rollout " + name
            + " is written, but the controller did not " + ack.waitingFor() + " within " + seconds(timeout)
            + ": is it running? (`kubectl ramp version` looks for it)");
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCode.NOT_FINISHED, "interrupted while waiting for the controller");
      }
      pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
      now = typed(rollouts.get(namespace, name));
    }
  }

  private static JsonObject conditional(JsonObject patch, String resourceVersion) {
    JsonObject copy = patch.deepCopy();
    JsonObject metadata = copy.has("metadata") && copy.get("metadata").isJsonObject()
        ? copy.getAsJsonObject("metadata") : new JsonObject();
    metadata.add("resourceVersion", new JsonPrimitive(resourceVersion));
    copy.add("metadata", metadata);
    return copy;
  }

  private static Rollout typed(JsonObject raw) {
    try {
      return JSON.getGson().fromJson(raw, Rollout.class);
    } catch (JsonParseException | IllegalArgumentException e) {
      throw new CliException(ExitCode.CLUSTER, "cannot read the rollout the server returned: " + e.getMessage(), e);
    }
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
  }
}
