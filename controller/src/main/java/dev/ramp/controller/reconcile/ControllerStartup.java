package dev.ramp.controller.reconcile;

import dev.ramp.controller.health.OpsServer;
import dev.ramp.controller.kube.ClusterInfo;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the controller with the application context: says which cluster it found, opens the ops
 * endpoint, starts the caches and the campaign for leadership.
 */
@Singleton
@Requires(property = "ramp.controller.autostart", notEquals = "false")
public class ControllerStartup {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerStartup.class);

  private final ClusterInfo cluster;
  private final OpsServer ops;
  private final ControllerRuntime runtime;

  public ControllerStartup(ClusterInfo cluster, OpsServer ops, ControllerRuntime runtime) {
    this.cluster = cluster;
    this.ops = ops;
    this.runtime = runtime;
  }

  @EventListener
  public void onStartup(StartupEvent event) {
    try {
      LOG.info("Ramp controller for cluster {} (Kubernetes {}), all namespaces", cluster.server(), cluster.version());
    } catch (ApiException e) {
      LOG.warn("Ramp controller for cluster {}: the API server does not answer /version yet ({}); "
          + "the caches keep trying", cluster.server(), e.getCode() == 0 ? e.getCause() : "HTTP " + e.getCode());
    }
    ops.start();
    runtime.start();
  }
}
