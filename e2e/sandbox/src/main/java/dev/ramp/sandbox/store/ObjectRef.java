package dev.ramp.sandbox.store;

/** Where an object lives: its collection and key ({@code namespace/name}, or {@code name} when cluster-scoped). */
public record ObjectRef(String collection, String namespace, String name) {
  public String key() {
    return Store.key(namespace, name);
  }
}
