package dev.ramp.sandbox.store;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One watcher of one collection: the events it must replay first, then whatever the store commits
 * afterwards, in order. {@link #CLOSED} in the queue means the collection is gone or the store stopped.
 */
public final class Watch implements AutoCloseable {
  /** A marker event: the stream must end. */
  public static final StoreEvent CLOSED = new StoreEvent(StoreEvent.Type.DELETED, "", null, null, -1);

  private final Store store;
  private final String collection;
  private final List<StoreEvent> backlog;
  private final long startRv;
  private final BlockingQueue<StoreEvent> queue = new LinkedBlockingQueue<>();

  Watch(Store store, String collection, List<StoreEvent> backlog, long startRv) {
    this.store = store;
    this.collection = collection;
    this.backlog = backlog;
    this.startRv = startRv;
  }

  /** Events committed after the starting resourceVersion and before this watch was registered. */
  public List<StoreEvent> backlog() {
    return backlog;
  }

  /** The resourceVersion this watch starts from: everything after it is delivered. */
  public long startResourceVersion() {
    return startRv;
  }

  void offer(StoreEvent event) {
    queue.offer(event);
  }

  /** The next event, or null when none came within the wait. */
  public StoreEvent poll(long millis) throws InterruptedException {
    return queue.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** The newest resourceVersion the watched collection has seen (for bookmarks). */
  public long collectionResourceVersion() {
    return store.lastEventResourceVersion(collection);
  }

  @Override
  public void close() {
    store.unregister(collection, this);
  }
}
