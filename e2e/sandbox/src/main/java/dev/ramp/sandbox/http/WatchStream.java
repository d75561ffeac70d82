package dev.ramp.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.selector.FieldSelector;
import dev.ramp.sandbox.selector.LabelSelector;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.store.ExpiredException;
import dev.ramp.sandbox.store.StoreEvent;
import dev.ramp.sandbox.store.Watch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * One watch request streamed as the real server streams it: newline-delimited events, ADDED/DELETED
 * when an object enters or leaves the selector (W6), a DELETED carrying its own resourceVersion (W1c),
 * bookmarks 2 s before the timeout or every minute when the collection moved on without this watcher
 * seeing it (W5, W5b), and 410 Expired as an ERROR event for a too old resourceVersion (W3).
 */
final class WatchStream {
  private static final long BOOKMARK_EVERY_MILLIS = 60_000;

  private final Resources resources;
  private final ResourceType type;
  private final String namespace;
  private final LabelSelector labels;
  private final FieldSelector fields;

  WatchStream(Resources resources, ResourceType type, String namespace, LabelSelector labels, FieldSelector fields) {
    this.resources = resources;
    this.type = type;
    this.namespace = namespace;
    this.labels = labels;
    this.fields = fields;
  }

  void run(HttpExchange exchange, OptionalLong fromRv, boolean bookmarks, OptionalLong timeoutSeconds) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
    Watch watch;
    try {
      watch = resources.watch(type, fromRv);
    } catch (ExpiredException e) {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        ObjectNode event = Json.object();
        event.put("type", "ERROR");
        event.set("object", ApiException.expired(e.getMessage()).status());
        out.write(line(event));
      }
      return;
    }
    long now = System.currentTimeMillis();
    long deadline = timeoutSeconds.isPresent() ? now + timeoutSeconds.getAsLong() * 1000 : Long.MAX_VALUE;
    long nextBookmark = bookmarks ? nextBookmark(now, deadline) : Long.MAX_VALUE;
    long lastSent = watch.startResourceVersion();
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      for (StoreEvent event : watch.backlog()) {
        ObjectNode line = convert(event);
        if (line != null) {
          out.write(line(line));
          lastSent = Math.max(lastSent, event.resourceVersion());
        }
      }
      out.flush();
      while (true) {
        now = System.currentTimeMillis();
        if (now >= deadline) {
          break;
        }
        StoreEvent event = watch.poll(Math.min(deadline, nextBookmark) - now);
        if (event == Watch.CLOSED) {
          break;
        }
        boolean wrote = false;
        while (event != null && event != Watch.CLOSED) {
          ObjectNode line = convert(event);
          if (line != null) {
            out.write(line(line));
            lastSent = event.resourceVersion();
            wrote = true;
          }
          event = watch.poll(0);
        }
        if (event == Watch.CLOSED) {
          if (wrote) {
            out.flush();
          }
          break;
        }
        now = System.currentTimeMillis();
        if (now >= nextBookmark) {
          long collectionRv = watch.collectionResourceVersion();
          if (collectionRv > lastSent) {
            out.write(line(bookmark(collectionRv)));
            lastSent = collectionRv;
            wrote = true;
          }
          nextBookmark = nextBookmark(now, deadline);
        }
        if (wrote) {
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away
    } finally {
      watch.close();
      try {
        out.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  /** cacheWatcher.nextBookmarkTime: every minute, and 2 s before the deadline. */
  private static long nextBookmark(long now, long deadline) {
    long next = now + BOOKMARK_EVERY_MILLIS;
    if (deadline != Long.MAX_VALUE && deadline - 2000 < next) {
      next = deadline - 2000;
    }
    return next <= now ? Long.MAX_VALUE : next;
  }

  private boolean matches(ObjectNode object) {
    if (object == null) {
      return false;
    }
    if (!namespace.isEmpty() && !namespace.equals(Json.text(object, "metadata", "namespace"))) {
      return false;
    }
    return labels.matches(object) && (fields.isEmpty() || fields.matches(type.fieldValues(object)));
  }

  /** The event this watcher sees, or null when it sees none. */
  private ObjectNode convert(StoreEvent event) {
    String kind;
    ObjectNode object;
    switch (event.type()) {
      case ADDED -> {
        if (!matches(event.object())) {
          return null;
        }
        kind = "ADDED";
        object = event.object();
      }
      case DELETED -> {
        if (!matches(event.object())) {
          return null;
        }
        kind = "DELETED";
        object = event.object();
      }
      default -> {
        boolean now = matches(event.object());
        boolean before = matches(event.previous());
        if (now && before) {
          kind = "MODIFIED";
          object = event.object();
        } else if (now) {
          kind = "ADDED";
          object = event.object();
        } else if (before) {
          // what left the selector, as it was, with the event's resourceVersion
          kind = "DELETED";
          object = withResourceVersion(event.previous(), event.resourceVersion());
        } else {
          return null;
        }
      }
    }
    ObjectNode line = Json.object();
    line.put("type", kind);
    line.set("object", type.present(object));
    return line;
  }

  private static ObjectNode withResourceVersion(ObjectNode object, long rv) {
    ObjectNode copy = Json.object();
    copy.setAll(object);
    ObjectNode metadata = Json.object();
    metadata.setAll((ObjectNode) object.path("metadata"));
    metadata.put("resourceVersion", Long.toString(rv));
    copy.set("metadata", metadata);
    return copy;
  }

  private ObjectNode bookmark(long rv) {
    ObjectNode line = Json.object();
    line.put("type", "BOOKMARK");
    ObjectNode object = line.putObject("object");
    object.put("kind", type.kind());
    object.put("apiVersion", type.apiVersion());
    object.putObject("metadata").put("resourceVersion", Long.toString(rv));
    return line;
  }

  private static byte[] line(ObjectNode event) {
    byte[] json = Json.bytes(event);
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }
}
