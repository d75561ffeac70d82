package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Response;

/**
 * A watch read line by line on a thread of its own. Events queue up as they arrive; the end of the
 * stream (the server closing it) is recorded, so a test can tell "no events" from "stream closed".
 */
public final class WatchStream implements AutoCloseable {

  /** One watch event: its type (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR) and object. */
  public record Event(String type, JsonNode object) {
    public String name() {
      return object.path("metadata").path("name").asText("");
    }

    public String resourceVersion() {
      return object.path("metadata").path("resourceVersion").asText("");
    }

    @Override
    public String toString() {
      return type + " " + name() + "@" + resourceVersion() + ("ERROR".equals(type) ? " " + object : "");
    }
  }

  private static final Event END = new Event("<end>", Json.MAPPER.missingNode());

  private final Call call;
  private final String description;
  private final int httpCode;
  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final List<Event> seen = new ArrayList<>();
  private volatile boolean ended;

  private WatchStream(Call call, String description, Response response) {
    this.call = call;
    this.description = description;
    this.httpCode = response.code();
    Thread reader = new Thread(() -> read(response), "contract-watch");
    reader.setDaemon(true);
    reader.start();
  }

  static WatchStream open(Call call, String description) {
    try {
      return new WatchStream(call, description, call.execute());
    } catch (IOException e) {
      throw new UncheckedIOException(description + " failed", e);
    }
  }

  private void read(Response response) {
    try (response;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = Json.parseLenient(line);
        queue.add(new Event(event.path("type").asText("<unparsable>"), event.path("object")));
      }
    } catch (IOException | RuntimeException e) {
      // a cancelled call ends here too; either way the stream is over
    } finally {
      queue.add(END);
    }
  }

  /** The HTTP status of the watch request itself (200 even when the watch then reports an ERROR). */
  public int httpCode() {
    return httpCode;
  }

  /** The next event within {@code wait}; empty when none came or the stream ended. */
  public Optional<Event> next(Duration wait) {
    if (ended) {
      return Optional.empty();
    }
    try {
      Event event = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        return Optional.empty();
      }
      if (event == END) {
        ended = true;
        return Optional.empty();
      }
      seen.add(event);
      return Optional.of(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Waits for {@code count} events, at most {@code wait} in all; returns those that came. */
  public List<Event> take(int count, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<Event> events = new ArrayList<>();
    while (events.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Optional<Event> event = next(Duration.ofNanos(left));
      if (event.isEmpty()) {
        if (ended) {
          break;
        }
        continue;
      }
      events.add(event.get());
    }
    return events;
  }

  /** Collects events up to and including the first that {@code last} accepts, waiting at most {@code wait}. */
  public List<Event> until(java.util.function.Predicate<Event> last, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<Event> events = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      Optional<Event> event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (event.isEmpty()) {
        if (ended) {
          break;
        }
        continue;
      }
      events.add(event.get());
      if (last.test(event.get())) {
        break;
      }
    }
    return events;
  }

  /** Collects every event until the server closes the stream, waiting at most {@code wait}. */
  public List<Event> untilEnd(Duration wait) {
    return take(Integer.MAX_VALUE, wait);
  }

  /** Whether the server has closed the stream (known once {@link #next} has seen the end). */
  public boolean endedByServer() {
    return ended && !call.isCanceled();
  }

  /** Every event read so far, in order. */
  public List<Event> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    call.cancel();
  }

  @Override
  public String toString() {
    return description + " events=" + seen + (ended ? " (ended)" : "");
  }
}
