package dev.ramp.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which server-side-apply manager last applied which fields of which object: enough to refuse a second
 * manager's different value without {@code force} (P3) and to drop fields a manager stops applying.
 * Lists are owned whole; fields written by plain updates are not tracked.
 */
final class ApplyOwnership {
  private final Map<String, Map<String, Set<String>>> byUid = new ConcurrentHashMap<>();

  /** Leaf paths of an applied configuration, as {@code .data.x}; apiVersion, kind and name are identity, not fields. */
  static Set<String> leafPaths(JsonNode applied) {
    Set<String> paths = new LinkedHashSet<>();
    collect(applied, "", paths);
    paths.removeIf(path -> path.equals(".apiVersion") || path.equals(".kind") || path.equals(".metadata.name")
        || path.equals(".metadata.namespace") || path.equals(".metadata.resourceVersion"));
    return paths;
  }

  private static void collect(JsonNode node, String prefix, Set<String> paths) {
    if (node.isObject() && node.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(field.getValue(), prefix + "." + field.getKey(), paths);
      }
    } else if (!prefix.isEmpty()) {
      paths.add(prefix);
    }
  }

  static JsonNode valueAt(JsonNode object, String path) {
    JsonNode current = object;
    for (String segment : path.substring(1).split("\\.")) {
      current = current == null ? null : current.get(segment);
    }
    return current;
  }

  /**
   * Conflicts of {@code manager} applying {@code applied} over {@code current}: manager → paths, managers
   * sorted as structured-merge-diff prints them (not in the hash order of who owns what).
   */
  Map<String, List<String>> conflicts(String uid, String manager, JsonNode current, JsonNode applied) {
    Map<String, List<String>> conflicts = new TreeMap<>();
    Map<String, Set<String>> owners = byUid.getOrDefault(uid, Map.of());
    for (String path : leafPaths(applied)) {
      JsonNode now = valueAt(current, path);
      JsonNode wanted = valueAt(applied, path);
      if (now == null || now.equals(wanted)) {
        continue;
      }
      owners.forEach((other, paths) -> {
        if (!other.equals(manager) && paths.contains(path)) {
          conflicts.computeIfAbsent(other, ignored -> new ArrayList<>()).add(path);
        }
      });
    }
    return conflicts;
  }

  /** Paths {@code manager} applied before, no longer applies, and nobody else owns: to be removed. */
  List<String> abandoned(String uid, String manager, JsonNode applied) {
    Map<String, Set<String>> owners = byUid.getOrDefault(uid, Map.of());
    Set<String> before = owners.getOrDefault(manager, Set.of());
    Set<String> now = leafPaths(applied);
    List<String> abandoned = new ArrayList<>();
    for (String path : before) {
      if (now.contains(path)) {
        continue;
      }
      boolean ownedElsewhere = owners.entrySet().stream()
          .anyMatch(entry -> !entry.getKey().equals(manager) && entry.getValue().contains(path));
      if (!ownedElsewhere) {
        abandoned.add(path);
      }
    }
    return abandoned;
  }

  static void remove(ObjectNode object, String path) {
    String[] segments = path.substring(1).split("\\.");
    JsonNode current = object;
    for (int i = 0; i < segments.length - 1; i++) {
      current = current == null ? null : current.get(segments[i]);
    }
    if (current instanceof ObjectNode parent) {
      parent.remove(segments[segments.length - 1]);
    }
  }

  /** Records that {@code manager} applied these fields; with force, takes them from others. */
  void record(String uid, String manager, JsonNode applied, boolean force, Map<String, List<String>> overridden) {
    Map<String, Set<String>> owners = byUid.computeIfAbsent(uid, ignored -> new ConcurrentHashMap<>());
    Set<String> paths = ConcurrentHashMap.newKeySet();
    paths.addAll(leafPaths(applied));
    owners.put(manager, paths);
    if (force) {
      overridden.forEach((other, lost) -> {
        Set<String> owned = owners.get(other);
        if (owned != null) {
          lost.forEach(owned::remove);
        }
      });
    }
  }

  void forget(String uid) {
    byUid.remove(uid);
  }

  static String conflictMessage(Map<String, List<String>> conflicts) {
    int count = conflicts.values().stream().mapToInt(List::size).sum();
    if (count == 1) {
      Map.Entry<String, List<String>> only = conflicts.entrySet().iterator().next();
      return "Apply failed with 1 conflict: conflict with \"" + only.getKey() + "\": " + only.getValue().get(0);
    }
    StringBuilder message = new StringBuilder("Apply failed with " + count + " conflicts: ");
    boolean first = true;
    for (Map.Entry<String, List<String>> entry : conflicts.entrySet()) {
      message.append(first ? "" : "\n").append("conflicts with \"").append(entry.getKey()).append("\":");
      entry.getValue().forEach(path -> message.append("\n- ").append(path));
      first = false;
    }
    return message.toString();
  }
}
