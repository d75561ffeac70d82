package dev.ramp.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Optional;

/**
 * Leader election among controller replicas ({@code ramp.controller.leader-election.*}). The defaults
 * let a standby take over within about four seconds of the leader's death (lease + two retry periods).
 *
 * @param enabled elect a leader through a Lease; off, this replica acts at once and alone
 * @param leaseNamespace where the Lease lives; absent: the namespace the controller runs in (from its
 *     service account), else {@code default}
 * @param leaseName the Lease's name
 * @param leaseDuration how long a standby waits after the last renewal it saw before taking over
 * @param renewDeadline how long the leader keeps trying to renew before it stops acting
 * @param retryPeriod how often candidates and the leader try the Lease
 */
@ConfigurationProperties("ramp.controller.leader-election")
public record LeaderElectionSettings(
    @Bindable(defaultValue = "true") boolean enabled,
    Optional<String> leaseNamespace,
    @Bindable(defaultValue = "ramp-controller") String leaseName,
    @Bindable(defaultValue = "3s") Duration leaseDuration,
    @Bindable(defaultValue = "2s") Duration renewDeadline,
    @Bindable(defaultValue = "500ms") Duration retryPeriod) {

  public LeaderElectionSettings {
    if (leaseDuration.compareTo(renewDeadline) <= 0 || renewDeadline.compareTo(retryPeriod) <= 0) {
      throw new IllegalArgumentException("ramp.controller.leader-election needs lease-duration (" + leaseDuration
          + ") > renew-deadline (" + renewDeadline + ") > retry-period (" + retryPeriod + ")");
    }
    if (leaseDuration.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(
          "ramp.controller.leader-election.lease-duration must be whole seconds (a Lease records seconds), not "
              + leaseDuration);
    }
  }
}
