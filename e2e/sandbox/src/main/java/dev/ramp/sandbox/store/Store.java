package dev.ramp.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * Every object of the sandbox, in collections keyed as etcd keys them ({@code namespace/name}, so a
 * LIST comes back in the real server's order), under one global, strictly increasing resourceVersion.
 * Objects handed in become the store's and are never mutated again; readers share them read-only.
 * Each collection keeps a bounded history of events for watches.
 */
public final class Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Collection> collections = new HashMap<>();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Set<ObjectRef>> dependentsByOwner = new HashMap<>();
  private final Map<String, ObjectRef> byUid = new HashMap<>();
  private final int historyLimit;
  private long resourceVersion;

  private static final class Collection {
    final TreeMap<String, ObjectNode> objects = new TreeMap<>();
    final ArrayDeque<StoreEvent> history = new ArrayDeque<>();
    final List<Watch> watchers = new ArrayList<>();
    long minValidRv;
    long lastEventRv;
  }

  public Store(int historyLimit) {
    this.historyLimit = Math.max(1, historyLimit);
  }

  public static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  public static long resourceVersionOf(JsonNode object) {
    String text = Json.text(object, "metadata", "resourceVersion");
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }

  /** Creates a collection when it does not exist yet; watches may start from now on. */
  public void ensureCollection(String id) {
    lock.writeLock().lock();
    try {
      collections.computeIfAbsent(id, ignored -> {
        Collection collection = new Collection();
        collection.minValidRv = resourceVersion;
        collection.lastEventRv = resourceVersion;
        return collection;
      });
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Drops a collection (its CRD is gone): its watches end. */
  public void dropCollection(String id) {
    lock.writeLock().lock();
    try {
      Collection collection = collections.remove(id);
      if (collection != null) {
        collection.watchers.forEach(watch -> watch.offer(Watch.CLOSED));
        collection.watchers.clear();
        for (ObjectNode object : collection.objects.values()) {
          unindex(object);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Forgets the history before now: a watch from an older resourceVersion gets 410 Expired, as a real
   * server's watch cache answers for anything before it started (W3).
   */
  public void sealHistory() {
    lock.writeLock().lock();
    try {
      for (Collection collection : collections.values()) {
        collection.history.clear();
        collection.minValidRv = resourceVersion;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean hasCollection(String id) {
    lock.readLock().lock();
    try {
      return collections.containsKey(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  public long resourceVersion() {
    lock.readLock().lock();
    try {
      return resourceVersion;
    } finally {
      lock.readLock().unlock();
    }
  }

  long lastEventResourceVersion(String id) {
    lock.readLock().lock();
    try {
      Collection collection = collections.get(id);
      return collection == null ? resourceVersion : collection.lastEventRv;
    } finally {
      lock.readLock().unlock();
    }
  }

  private Collection collection(String id) {
    Collection collection = collections.get(id);
    if (collection == null) {
      throw new IllegalStateException("no collection " + id);
    }
    return collection;
  }

  /** The stored object, or empty. Shared: never mutate it. */
  public Optional<ObjectNode> get(String collection, String namespace, String name) {
    lock.readLock().lock();
    try {
      Collection c = collections.get(collection);
      return c == null ? Optional.empty() : Optional.ofNullable(c.objects.get(key(namespace, name)));
    } finally {
      lock.readLock().unlock();
    }
  }

  private static NavigableMap<String, ObjectNode> scope(Collection collection, String namespace) {
    if (namespace == null || namespace.isEmpty()) {
      return collection.objects;
    }
    // '0' follows '/': the range holds exactly the keys "namespace/..."
    return collection.objects.subMap(namespace + "/", true, namespace + "0", false);
  }

  /**
   * One page of the objects in a namespace ("" for all) that pass the filter, starting after
   * {@code startAfter} ("" for the first page), at most {@code limit} of them (0 for all).
   */
  public ListPage list(String collection, String namespace, Predicate<ObjectNode> filter, String startAfter, long limit,
      boolean countRemaining) {
    lock.readLock().lock();
    try {
      Collection c = collections.get(collection);
      if (c == null) {
        return new ListPage(List.of(), resourceVersion, "", OptionalLong.empty());
      }
      NavigableMap<String, ObjectNode> range = scope(c, namespace);
      if (!startAfter.isEmpty()) {
        range = range.tailMap(startAfter, false);
      }
      List<ObjectNode> items = new ArrayList<>();
      String lastKey = "";
      long remaining = 0;
      boolean more = false;
      for (Map.Entry<String, ObjectNode> entry : range.entrySet()) {
        if (!filter.test(entry.getValue())) {
          continue;
        }
        if (limit > 0 && items.size() >= limit) {
          more = true;
          if (!countRemaining) {
            break;
          }
          remaining++;
          continue;
        }
        items.add(entry.getValue());
        lastKey = entry.getKey();
      }
      return new ListPage(List.copyOf(items), resourceVersion, more ? lastKey : "",
          more && countRemaining ? OptionalLong.of(remaining) : OptionalLong.empty());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every object of a collection in a namespace ("" for all). Shared: never mutate them. */
  public List<ObjectNode> all(String collection, String namespace) {
    return list(collection, namespace, ignored -> true, "", 0, false).items();
  }

  public boolean isEmpty(String collection, String namespace) {
    lock.readLock().lock();
    try {
      Collection c = collections.get(collection);
      return c == null || scope(c, namespace).isEmpty();
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<String> collectionIds() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(collections.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Objects whose ownerReferences name this uid. */
  public Set<ObjectRef> dependentsOf(String uid) {
    lock.readLock().lock();
    try {
      return new LinkedHashSet<>(dependentsByOwner.getOrDefault(uid, Set.of()));
    } finally {
      lock.readLock().unlock();
    }
  }

  public Optional<ObjectRef> byUid(String uid) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(byUid.get(uid));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Stores a new object and returns it with its resourceVersion; empty when the key is taken. */
  public Optional<ObjectNode> create(String collection, String namespace, String name, ObjectNode object) {
    lock.writeLock().lock();
    try {
      Collection c = collection(collection);
      String key = key(namespace, name);
      if (c.objects.containsKey(key)) {
        return Optional.empty();
      }
      long rv = ++resourceVersion;
      Json.metadata(object).put("resourceVersion", Long.toString(rv));
      c.objects.put(key, object);
      index(new ObjectRef(collection, namespace, name), object);
      publish(c, new StoreEvent(StoreEvent.Type.ADDED, collection, object, null, rv));
      return Optional.of(object);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Replaces an object if it is still at {@code expectedRv}; returns it with its new resourceVersion,
   * or empty when the object changed or vanished meanwhile (the caller re-reads and decides).
   */
  public Optional<ObjectNode> update(String collection, String namespace, String name, long expectedRv, ObjectNode object) {
    lock.writeLock().lock();
    try {
      Collection c = collection(collection);
      String key = key(namespace, name);
      ObjectNode previous = c.objects.get(key);
      if (previous == null || resourceVersionOf(previous) != expectedRv) {
        return Optional.empty();
      }
      long rv = ++resourceVersion;
      Json.metadata(object).put("resourceVersion", Long.toString(rv));
      c.objects.put(key, object);
      unindex(previous);
      index(new ObjectRef(collection, namespace, name), object);
      publish(c, new StoreEvent(StoreEvent.Type.MODIFIED, collection, object, previous, rv));
      return Optional.of(object);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes an object if it is still at {@code expectedRv}; returns its last state stamped with the
   * deletion's resourceVersion (as the DELETED event carries it), or empty when it changed meanwhile.
   */
  public Optional<ObjectNode> delete(String collection, String namespace, String name, long expectedRv) {
    lock.writeLock().lock();
    try {
      Collection c = collection(collection);
      String key = key(namespace, name);
      ObjectNode previous = c.objects.get(key);
      if (previous == null || resourceVersionOf(previous) != expectedRv) {
        return Optional.empty();
      }
      long rv = ++resourceVersion;
      ObjectNode last = previous.deepCopy();
      Json.metadata(last).put("resourceVersion", Long.toString(rv));
      c.objects.remove(key);
      unindex(previous);
      publish(c, new StoreEvent(StoreEvent.Type.DELETED, collection, last, previous, rv));
      return Optional.of(last);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Registers a watch. With {@code fromRv} empty, the backlog is a synthetic ADDED for every current
   * object; otherwise it is every kept event after {@code fromRv}, or {@link ExpiredException} when
   * the history no longer reaches back that far.
   */
  public Watch watch(String collection, OptionalLong fromRv) throws ExpiredException {
    lock.writeLock().lock();
    try {
      Collection c = collection(collection);
      List<StoreEvent> backlog = new ArrayList<>();
      long start;
      if (fromRv.isEmpty()) {
        for (ObjectNode object : c.objects.values()) {
          backlog.add(new StoreEvent(StoreEvent.Type.ADDED, collection, object, null, resourceVersionOf(object)));
        }
        start = resourceVersion;
      } else {
        start = fromRv.getAsLong();
        if (start < c.minValidRv) {
          throw new ExpiredException(start, c.minValidRv);
        }
        for (StoreEvent event : c.history) {
          if (event.resourceVersion() > start) {
            backlog.add(event);
          }
        }
      }
      Watch watch = new Watch(this, collection, backlog, start);
      c.watchers.add(watch);
      return watch;
    } finally {
      lock.writeLock().unlock();
    }
  }

  void unregister(String collection, Watch watch) {
    lock.writeLock().lock();
    try {
      Collection c = collections.get(collection);
      if (c != null) {
        c.watchers.remove(watch);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Ends every watch (the sandbox stops). */
  public void closeWatches() {
    lock.writeLock().lock();
    try {
      for (Collection collection : collections.values()) {
        collection.watchers.forEach(watch -> watch.offer(Watch.CLOSED));
        collection.watchers.clear();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void publish(Collection collection, StoreEvent event) {
    collection.history.addLast(event);
    if (collection.history.size() > historyLimit) {
      StoreEvent dropped = collection.history.removeFirst();
      collection.minValidRv = dropped.resourceVersion();
    }
    collection.lastEventRv = event.resourceVersion();
    for (Watch watch : collection.watchers) {
      watch.offer(event);
    }
    for (StoreListener listener : listeners) {
      listener.onEvent(event);
    }
  }

  private void index(ObjectRef ref, ObjectNode object) {
    String uid = Json.text(object, "metadata", "uid");
    if (!uid.isEmpty()) {
      byUid.put(uid, ref);
    }
    for (String owner : ownerUids(object)) {
      dependentsByOwner.computeIfAbsent(owner, ignored -> new LinkedHashSet<>()).add(ref);
    }
  }

  private void unindex(ObjectNode object) {
    String uid = Json.text(object, "metadata", "uid");
    ObjectRef ref = byUid.remove(uid);
    if (ref == null) {
      return;
    }
    for (String owner : ownerUids(object)) {
      Set<ObjectRef> dependents = dependentsByOwner.get(owner);
      if (dependents != null) {
        dependents.remove(ref);
        if (dependents.isEmpty()) {
          dependentsByOwner.remove(owner);
        }
      }
    }
  }

  private static Set<String> ownerUids(JsonNode object) {
    JsonNode owners = Json.at(object, "metadata", "ownerReferences");
    if (!owners.isArray() || owners.isEmpty()) {
      return Set.of();
    }
    Set<String> uids = new HashSet<>();
    owners.forEach(owner -> {
      String uid = Json.text(owner, "uid");
      if (!uid.isEmpty()) {
        uids.add(uid);
      }
    });
    return uids;
  }
}
