package dev.ramp.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lists and watches some kinds in one namespace into a {@link Timeline}, for as long as it is open. A
 * watch the server ends is resumed from the last resourceVersion seen; one too old to resume (410) is
 * listed afresh, as an informer would.
 */
public final class NamespaceWatch implements AutoCloseable {
  /** What a rollout scenario watches. */
  public static final List<Kind> ROLLOUT_KINDS = List.of(Kind.ROLLOUT, Kind.REPLICA_SET, Kind.POD, Kind.SERVICE,
      Kind.VIRTUAL_SERVICE, Kind.DESTINATION_RULE, Kind.ANALYSIS_RUN, Kind.EVENT);
  private static final Duration RETRY = Duration.ofMillis(200);

  private final Kube kube;
  private final String namespace;
  private final Timeline timeline;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Kube.Watch> open = new ArrayList<>();
  private volatile boolean closed;

  private NamespaceWatch(Kube kube, String namespace, Timeline timeline) {
    this.kube = kube;
    this.namespace = namespace;
    this.timeline = timeline;
  }

  /** Starts watching; returns once every kind has been listed and its watch opened. */
  public static NamespaceWatch start(Kube kube, String namespace, List<Kind> kinds, Timeline timeline) {
    NamespaceWatch watch = new NamespaceWatch(kube, namespace, timeline);
    CountDownLatch listed = new CountDownLatch(kinds.size());
    for (Kind kind : kinds) {
      Thread thread = new Thread(() -> watch.follow(kind, listed), "timeline " + namespace + " " + kind);
      thread.setDaemon(true);
      watch.threads.add(thread);
      thread.start();
    }
    try {
      if (!listed.await(30, TimeUnit.SECONDS)) {
        watch.close();
        throw new IllegalStateException("could not list " + kinds + " in namespace " + namespace + " within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watch.close();
      throw new IllegalStateException("interrupted", e);
    }
    return watch;
  }

  private void follow(Kind kind, CountDownLatch listed) {
    String resourceVersion = null;
    boolean first = true;
    while (!closed) {
      try {
        if (resourceVersion == null) {
          Kube.Listing listing = kube.list(kind, namespace);
          listing.items().forEach(item -> timeline.record(kind, "LISTED", item));
          resourceVersion = listing.resourceVersion();
          if (first) {
            listed.countDown();
            first = false;
          }
        }
        String[] next = {resourceVersion};
        Kube.Watch watch = kube.watch(kind, namespace, resourceVersion, event -> next[0] = handle(kind, event, next[0]));
        synchronized (open) {
          if (closed) {
            watch.close();
            return;
          }
          open.add(watch);
        }
        watch.join();
        synchronized (open) {
          open.remove(watch);
        }
        resourceVersion = watch.failure().filter(f -> f.contains("HTTP 410")).isPresent() ? null : next[0];
        if (watch.failure().isPresent() && !closed) {
          Waits.pause(RETRY);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        Waits.pause(RETRY); // the API is briefly unreachable: list and watch again
      }
    }
  }

  /** Records one event; returns the resourceVersion to resume from (null: list again). */
  private String handle(Kind kind, ObjectNode event, String resourceVersion) {
    String type = event.path("type").asText();
    JsonNode object = event.path("object");
    switch (type) {
      case "ADDED", "MODIFIED", "DELETED" -> {
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        copy.put("kind", kind.kind());
        copy.put("apiVersion", kind.apiVersion());
        timeline.record(kind, type, copy);
        return object.at("/metadata/resourceVersion").asText(resourceVersion);
      }
      case "BOOKMARK" -> {
        return object.at("/metadata/resourceVersion").asText(resourceVersion);
      }
      case "ERROR" -> {
        return object.path("code").asInt() == 410 ? null : resourceVersion;
      }
      default -> {
        return resourceVersion;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (open) {
      open.forEach(Kube.Watch::close);
      open.clear();
    }
    threads.forEach(Thread::interrupt);
  }
}
