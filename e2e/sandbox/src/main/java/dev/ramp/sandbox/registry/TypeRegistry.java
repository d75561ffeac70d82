package dev.ramp.sandbox.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every resource the sandbox serves: the built-in table plus what applied CRDs define. Lookups by
 * group/version/plural (routing), by apiVersion/kind (manifests, ownerReferences) and by group
 * (discovery). Changes replace an immutable snapshot, so readers never lock.
 */
public final class TypeRegistry {
  /**
   * Insertion-ordered maps (discovery lists built-ins first). A shared collection's type is the one
   * that names it (core/v1 Events for core/events), else the first registered (a CRD's first version),
   * whatever the registration order: Invalid messages name it (E2, E5 say {@code Event}, never
   * {@code Event.events.k8s.io}).
   */
  private record Snapshot(Map<String, ResourceType> byPath, Map<String, ResourceType> byKind,
      Map<String, List<ResourceType>> byCrd, List<String> groupOrder, Map<String, ResourceType> collections) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), List.of(), Map.of());
  private final Set<String> terminatingCrds = ConcurrentHashMap.newKeySet();

  private static String pathKey(String group, String version, String plural) {
    return group + "/" + version + "/" + plural;
  }

  private static String kindKey(String group, String version, String kind) {
    return group + "/" + version + "/" + kind;
  }

  public synchronized void registerBuiltin(List<ResourceType> types) {
    rebuild(types, null, null);
  }

  /** Serves (or re-serves) the versions of one CRD, replacing what it served before. */
  public synchronized void registerCrd(String crdName, List<ResourceType> versions) {
    rebuild(List.of(), crdName, versions);
  }

  public synchronized void unregisterCrd(String crdName) {
    rebuild(List.of(), crdName, List.of());
    terminatingCrds.remove(crdName);
  }

  private void rebuild(List<ResourceType> builtins, String crdName, List<ResourceType> crdVersions) {
    Snapshot old = snapshot;
    Map<String, List<ResourceType>> byCrd = new LinkedHashMap<>(old.byCrd);
    if (crdName != null) {
      if (crdVersions.isEmpty()) {
        byCrd.remove(crdName);
      } else {
        byCrd.put(crdName, List.copyOf(crdVersions));
      }
    }
    Map<String, ResourceType> byPath = new LinkedHashMap<>();
    Map<String, ResourceType> byKind = new LinkedHashMap<>();
    List<String> groupOrder = new ArrayList<>();
    for (ResourceType type : old.byPath.values()) {
      if (!type.custom()) {
        add(type, byPath, byKind, groupOrder);
      }
    }
    for (ResourceType type : builtins) {
      add(type, byPath, byKind, groupOrder);
    }
    List<String> crdNames = new ArrayList<>(byCrd.keySet());
    crdNames.sort(Comparator.naturalOrder());
    for (String name : crdNames) {
      for (ResourceType type : byCrd.get(name)) {
        add(type, byPath, byKind, groupOrder);
      }
    }
    Map<String, ResourceType> collections = new LinkedHashMap<>();
    for (ResourceType type : byPath.values()) {
      ResourceType chosen = collections.get(type.collection());
      if (chosen == null || !chosen.storageForm() && type.storageForm()) {
        collections.put(type.collection(), type);
      }
    }
    snapshot = new Snapshot(Collections.unmodifiableMap(byPath), Collections.unmodifiableMap(byKind),
        Collections.unmodifiableMap(byCrd), List.copyOf(groupOrder), Collections.unmodifiableMap(collections));
  }

  private static void add(ResourceType type, Map<String, ResourceType> byPath, Map<String, ResourceType> byKind,
      List<String> groupOrder) {
    byPath.put(pathKey(type.group(), type.version(), type.plural()), type);
    byKind.putIfAbsent(kindKey(type.group(), type.version(), type.kind()), type);
    if (!groupOrder.contains(type.group())) {
      groupOrder.add(type.group());
    }
  }

  public Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(snapshot.byPath.get(pathKey(group, version, plural)));
  }

  public Optional<ResourceType> findKind(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return Optional.ofNullable(snapshot.byKind.get(kindKey(group, version, kind)));
  }

  /** A served type of this group and kind, whatever the version (ownerReferences may name any). */
  public Optional<ResourceType> findGroupKind(String group, String kind) {
    for (ResourceType type : snapshot.byPath.values()) {
      if (type.group().equals(group) && type.kind().equals(kind)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public Collection<ResourceType> all() {
    return snapshot.byPath.values();
  }

  /** One type per collection: what controllers use to read and delete stored objects. */
  public Map<String, ResourceType> collections() {
    return snapshot.collections;
  }

  public Optional<ResourceType> forCollection(String collection) {
    return Optional.ofNullable(snapshot.collections.get(collection));
  }

  public List<ResourceType> typesOf(String group, String version) {
    List<ResourceType> types = new ArrayList<>();
    for (ResourceType type : snapshot.byPath.values()) {
      if (type.group().equals(group) && type.version().equals(version)) {
        types.add(type);
      }
    }
    return types;
  }

  /** Groups in discovery order: built-ins first, then CRD groups. */
  public List<String> groups() {
    return snapshot.groupOrder;
  }

  /** The versions a group serves, highest priority (the preferred one) first. */
  public List<String> versionsOf(String group) {
    Set<String> versions = new LinkedHashSet<>();
    for (ResourceType type : snapshot.byPath.values()) {
      if (type.group().equals(group)) {
        versions.add(type.version());
      }
    }
    List<String> sorted = new ArrayList<>(versions);
    sorted.sort(KubeVersions.PRIORITY);
    return sorted;
  }

  public List<ResourceType> crdTypes(String crdName) {
    return snapshot.byCrd.getOrDefault(crdName, List.of());
  }

  public void markTerminating(String crdName) {
    terminatingCrds.add(crdName);
  }

  public boolean isTerminating(ResourceType type) {
    return type.custom() && terminatingCrds.contains(type.plural() + "." + type.group());
  }
}
