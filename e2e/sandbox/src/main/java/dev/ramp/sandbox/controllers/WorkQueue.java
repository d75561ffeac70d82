package dev.ramp.sandbox.controllers;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One controller's pending keys: each key waits at most once, processed on the controllers' single thread. */
final class WorkQueue {
  private final Controller controller;
  private final ExecutorService worker;
  private final ScheduledExecutorService timers;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();

  WorkQueue(Controller controller, ExecutorService worker, ScheduledExecutorService timers) {
    this.controller = controller;
    this.worker = worker;
    this.timers = timers;
  }

  void add(String key) {
    if (!pending.add(key)) {
      return;
    }
    try {
      worker.execute(() -> {
        pending.remove(key);
        Controllers.run(controller, key, this);
      });
    } catch (RejectedExecutionException stopped) {
      pending.remove(key);
    }
  }

  void addAfter(String key, Duration delay) {
    try {
      timers.schedule(() -> add(key), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // the sandbox stopped
    }
  }

  /** A failed sync is retried with a growing delay, a few times. */
  void retry(String key) {
    int attempt = failures.merge(key, 1, Integer::sum);
    if (attempt <= 8) {
      addAfter(key, Duration.ofMillis(20L << Math.min(attempt, 6)));
    } else {
      failures.remove(key);
    }
  }

  void succeeded(String key) {
    failures.remove(key);
  }
}
