package dev.ramp.api.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Null-free immutable copies, for the compact constructors of the API records. */
public final class Copies {
  private Copies() {}

  /** An unmodifiable copy without null elements; empty for null. */
  public static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return list.stream().filter(Objects::nonNull).toList();
  }

  /** An unmodifiable copy that keeps the order of the entries; empty for null. */
  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The optional itself, or empty for null. */
  public static <T> Optional<T> optional(Optional<T> optional) {
    return optional == null ? Optional.empty() : optional;
  }
}
