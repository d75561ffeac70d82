package dev.ramp.controller.reconcile;

import dev.ramp.controller.health.OpsServer;
import dev.ramp.controller.kube.ClusterInfo;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the controller with the application context: says which cluster and which Kubernetes
 * version it found, opens the ops endpoint, starts the caches and the campaign for leadership. A
 * cluster that does not answer within {@code ramp.controller.startup-timeout} stops the start with a
 * sentence that says where it looked and what to set.
 */
@Singleton
@Requires(property = "ramp.controller.autostart", notEquals = "false")
public class ControllerStartup {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerStartup.class);

  private final ClusterInfo cluster;
  private final OpsServer ops;
  private final ControllerRuntime runtime;
  private final Duration timeout;

  public ControllerStartup(ClusterInfo cluster, OpsServer ops, ControllerRuntime runtime,
      @Value("${ramp.controller.startup-timeout:30s}") Duration timeout) {
    this.cluster = cluster;
    this.ops = ops;
    this.runtime = runtime;
    this.timeout = timeout;
  }

  @EventListener
  public void onStartup(StartupEvent event) {
    String version = version();
    LOG.info("Ramp controller for cluster {} (Kubernetes {}), all namespaces", cluster.server(), version);
    ops.start();
    runtime.start();
  }

  private String version() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return cluster.version();
      } catch (ApiException e) {
        String why = e.getCode() == 0 ? String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
            : "HTTP " + e.getCode();
        if (System.nanoTime() > deadline) {
          throw new ClusterUnreachableException("cannot reach the Kubernetes API server at " + cluster.server()
              + " (" + why + ") within " + timeout.toSeconds() + " s. Set KUBECONFIG to the kubeconfig of the cluster to control,"
              + " or run the controller in the cluster with a service account.");
        }
        LOG.warn("The Kubernetes API server at {} does not answer /version yet ({}); trying again", cluster.server(),
            why);
        LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
      }
    }
  }

  /** The cluster the configuration names does not answer. */
  public static final class ClusterUnreachableException extends RuntimeException {
    ClusterUnreachableException(String message) {
      super(message, null, false, false);
    }
  }
}
