package dev.ramp.sandbox.store;

/**
 * Hears every committed change, in commit order, while the store is locked: implementations only
 * record or enqueue, they never call back into the store.
 */
@FunctionalInterface
public interface StoreListener {
  void onEvent(StoreEvent event);
}
