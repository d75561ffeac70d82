package dev.ramp.sandbox.controllers;

import dev.ramp.sandbox.store.StoreEvent;

/**
 * A control loop inside the sandbox, driven by the store's events (no polling): {@link #observe}
 * maps an event to the keys it affects, {@link #sync} brings one key's world to what it should be.
 */
interface Controller {
  String name();

  /** Called while the store is locked: only enqueue. */
  void observe(StoreEvent event, WorkQueue queue);

  void sync(String key, WorkQueue queue);
}
