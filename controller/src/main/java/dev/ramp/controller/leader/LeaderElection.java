package dev.ramp.controller.leader;

import dev.ramp.controller.config.LeaderElectionSettings;
import dev.ramp.controller.kube.Hostname;
import dev.ramp.controller.kube.KubeClients;
import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElectionRecord;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for a Lease (client-java's {@link LeaderElector} over a {@link LeaseLock}, on its own API
 * client) for as long as the controller runs: when it wins, {@code onStartLeading} runs; the moment it
 * fails to renew, {@link Leadership} turns false before anything else and {@code onStopLeading} runs;
 * then it campaigns again as a standby. Both callbacks must return quickly. On shutdown the leader gives the Lease up so a standby takes
 * over at its next try rather than after the lease expires. With leader election disabled the replica
 * leads at once.
 */
@Singleton
public class LeaderElection {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  private final ApiClient client;
  private final LeaderElectionSettings settings;
  private final Leadership leadership;
  private final String identity;
  private final String namespace;
  private volatile boolean closed;
  private volatile LeaderElector elector;
  private Thread campaign;

  public LeaderElection(@Named(KubeClients.ELECTION) ApiClient client, LeaderElectionSettings settings,
      Leadership leadership) {
    this.client = client;
    this.settings = settings;
    this.leadership = leadership;
    this.identity = Hostname.get() + "_" + UUID.randomUUID().toString().substring(0, 8);
    this.namespace = settings.leaseNamespace().orElseGet(LeaderElection::ownNamespace);
  }

  /** This replica's name in the Lease. */
  public String identity() {
    return identity;
  }

  /** Where the Lease is, {@code namespace/name}. */
  public String lease() {
    return namespace + "/" + settings.leaseName();
  }

  /** Starts campaigning in the background (or leads at once when election is disabled). */
  public synchronized void start(Runnable onStartLeading, Runnable onStopLeading) {
    if (!settings.enabled()) {
      LOG.info("Leader election is disabled: this replica acts alone");
      leadership.set(true);
      onStartLeading.run();
      return;
    }
    LOG.info("Campaigning for Lease {} as {}", lease(), identity);
    campaign = new Thread(() -> campaign(onStartLeading, onStopLeading), "leader-election");
    campaign.setDaemon(true);
    campaign.start();
  }

  private void campaign(Runnable onStartLeading, Runnable onStopLeading) {
    while (!closed) {
      LeaseLock lock = new LeaseLock(namespace, settings.leaseName(), identity, client);
      LeaderElector current = new LeaderElector(new LeaderElectionConfig(lock, settings.leaseDuration(),
          settings.renewDeadline(), settings.retryPeriod()), e -> LOG.warn("Lease {}: {}", lease(), e.toString()));
      elector = current;
      // The start hook runs on the elector's own thread and may come after a quick loss: a term that is
      // over never starts.
      Object term = new Object();
      boolean[] over = {false};
      current.run(
          () -> {
            synchronized (term) {
              if (closed || over[0]) {
                return;
              }
              LOG.info("Leading: this replica ({}) holds Lease {}", identity, lease());
              leadership.set(true);
              onStartLeading.run();
            }
          },
          () -> {
            synchronized (term) {
              over[0] = true;
              boolean wasLeading = leadership.isLeading();
              leadership.set(false);
              if (wasLeading) {
                LOG.warn("Lost Lease {}: this replica stops writing and waits as a standby", lease());
                onStopLeading.run();
              }
            }
          },
          holder -> LOG.info("Lease {} is held by {}", lease(), holder));
      current.close();
    }
  }

  @PreDestroy
  public synchronized void close() {
    closed = true;
    boolean wasLeading = leadership.isLeading();
    leadership.set(false);
    LeaderElector current = elector;
    if (current != null) {
      current.close();
    }
    if (campaign != null) {
      campaign.interrupt();
    }
    if (settings.enabled() && wasLeading) {
      release();
    }
  }

  /** Empties the Lease so that a standby takes it at its next try. */
  private void release() {
    LeaseLock lock = new LeaseLock(namespace, settings.leaseName(), identity, client);
    try {
      LeaderElectionRecord record = lock.get();
      if (!identity.equals(record.getHolderIdentity())) {
        return;
      }
      LeaderElectionRecord empty = new LeaderElectionRecord();
      empty.setLeaderTransitions(record.getLeaderTransitions());
      empty.setLeaseDurationSeconds((int) settings.leaseDuration().toSeconds());
      if (lock.update(empty)) {
        LOG.info("Gave up Lease {}", lease());
      }
    } catch (ApiException e) {
      LOG.warn("Could not give up Lease {} ({}); a standby takes over when it expires", lease(), e.getCode());
    }
  }

  private static String ownNamespace() {
    return Optional.ofNullable(System.getenv("POD_NAMESPACE")).filter(s -> !s.isBlank()).orElseGet(() -> {
      try {
        return Files.readString(SERVICE_ACCOUNT_NAMESPACE, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        return "default";
      }
    });
  }
}
