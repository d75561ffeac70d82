package dev.ramp.sandbox.controllers;

import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.server.Resources;
import dev.ramp.sandbox.store.StoreEvent;
import dev.ramp.sandbox.store.StoreListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What kube-controller-manager and the kubelet do, in the sandbox: garbage collection, namespace and
 * CRD cleanup, ReplicaSets, Deployments and the kubelet stand-in. All run on one thread, woken by
 * store events and timers only, so an idle sandbox uses no CPU.
 */
public final class Controllers implements StoreListener, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Controllers.class.getName());

  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("sandbox-controllers"));
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-timers"));
  private final List<Controller> controllers = new ArrayList<>();
  private final List<WorkQueue> queues = new ArrayList<>();
  private final Kubelet kubelet;

  public Controllers(Resources resources, Duration podReadyDelay) {
    this.kubelet = new Kubelet(resources, podReadyDelay);
    add(new GarbageCollector(resources));
    add(new NamespaceController(resources));
    add(new CrdController(resources));
    add(new ReplicaSetController(resources));
    add(new DeploymentController(resources));
    add(kubelet);
    resources.store().addListener(this);
  }

  private void add(Controller controller) {
    controllers.add(controller);
    WorkQueue queue = new WorkQueue(controller, worker, timers);
    queues.add(queue);
    if (controller == kubelet) {
      kubelet.attach(queue);
    }
  }

  public Kubelet kubelet() {
    return kubelet;
  }

  @Override
  public void onEvent(StoreEvent event) {
    for (int i = 0; i < controllers.size(); i++) {
      controllers.get(i).observe(event, queues.get(i));
    }
  }

  static void run(Controller controller, String key, WorkQueue queue) {
    try {
      controller.sync(key, queue);
      queue.succeeded(key);
    } catch (ApiException e) {
      if (e.code() != 409 && e.code() != 404) {
        LOG.log(Level.FINE, controller.name() + " " + key + ": " + e.getMessage());
      }
      if (e.code() != 404) {
        queue.retry(key);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, controller.name() + " failed on " + key, e);
      queue.retry(key);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    timers.shutdownNow();
    worker.shutdownNow();
  }
}
