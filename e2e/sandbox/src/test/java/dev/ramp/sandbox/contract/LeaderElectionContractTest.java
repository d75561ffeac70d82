package dev.ramp.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Poll;
import dev.ramp.sandbox.contract.harness.Resource;
import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;

/**
 * Rows LE*: client-java-extended's LeaderElector with a LeaseLock (lease 4 s, renew deadline 3 s, retry
 * 0.5 s) against the cluster's coordination.k8s.io Leases.
 */
class LeaderElectionContractTest {
  private static final Duration WITHIN = Duration.ofSeconds(15);
  private static final String MICROSECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

  /** One candidate running LeaderElector.run on a thread of its own. */
  private static final class Candidate implements AutoCloseable {
    final AtomicBoolean leading = new AtomicBoolean();
    final AtomicBoolean stoppedLeading = new AtomicBoolean();
    private final LeaderElector elector;

    Candidate(Contract c, String lease, String identity) {
      LeaseLock lock = new LeaseLock(c.namespace(), lease, identity, c.api());
      elector =
          new LeaderElector(
              new LeaderElectionConfig(lock, Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)));
      Thread thread =
          new Thread(
              () -> elector.run(() -> leading.set(true), () -> {
                leading.set(false);
                stoppedLeading.set(true);
              }),
              "contract-" + identity);
      thread.setDaemon(true);
      thread.start();
    }

    boolean leads() {
      return Poll.until(WITHIN, leading::get, Boolean::booleanValue);
    }

    @Override
    public void close() {
      elector.close();
    }

    /**
     * Closes between two renewals. LeaderElector.close() interrupts a renewal in flight; when the server
     * has applied it, the release that follows still carries the resourceVersion from before it, gets 409
     * and the Lease keeps its holder: client-java's race, against any server, about 1 close in 40. A
     * renewal every 500 ms: closing 150 ms after one landed keeps clear of both ends of it.
     */
    void closeBetweenRenewals(Contract c, String lease) {
      String before = lease(c, lease).text("/spec/renewTime");
      Poll.until(WITHIN, () -> lease(c, lease).text("/spec/renewTime"), renewed -> !renewed.equals(before));
      Poll.pause(Duration.ofMillis(150));
      close();
    }
  }

  private static Answer lease(Contract c, String name) {
    return c.get(Resource.LEASES, name);
  }

  @ContractTest
  @DisplayName("LE1: a candidate acquires a new Lease: holder, duration, acquire/renew times, no transitions")
  void le1(Contract c) {
    try (Candidate a = new Candidate(c, "le1", "cand-a")) {
      assertThat(a.leads()).as("cand-a leads").isTrue();
      Answer lease = lease(c, "le1");
      Expect.ok(lease, 200, "Lease");
      assertThat(lease.text("/spec/holderIdentity")).isEqualTo("cand-a");
      assertThat(lease.at("/spec/leaseDurationSeconds").asInt()).isEqualTo(4);
      assertThat(lease.text("/spec/acquireTime")).isNotEmpty();
      assertThat(lease.text("/spec/renewTime")).isNotEmpty();
      assertThat(lease.at("/spec/leaseTransitions").asInt()).isZero();
    }
  }

  @ContractTest
  @DisplayName("LE2: the leader keeps renewing: renewTime takes new, increasing values")
  void le2(Contract c) {
    try (Candidate a = new Candidate(c, "le2", "cand-a")) {
      assertThat(a.leads()).isTrue();
      Set<String> renewTimes = new LinkedHashSet<>();
      Poll.until(WITHIN, () -> {
        renewTimes.add(lease(c, "le2").text("/spec/renewTime"));
        return renewTimes.size();
      }, n -> n >= 4);
      assertThat(renewTimes).hasSizeGreaterThanOrEqualTo(4);
      assertThat(List.copyOf(renewTimes)).isSorted();
    }
  }

  @ContractTest
  @DisplayName("LE3: a second candidate stays follower while the leader keeps renewing")
  void le3(Contract c) {
    try (Candidate a = new Candidate(c, "le3", "cand-a")) {
      assertThat(a.leads()).isTrue();
      try (Candidate b = new Candidate(c, "le3", "cand-b")) {
        boolean bLed = Poll.throughout(Duration.ofSeconds(5), b.leading::get, led -> !led);
        assertThat(bLed).as("cand-b became leader").isFalse();
        assertThat(lease(c, "le3").text("/spec/holderIdentity")).isEqualTo("cand-a");
      }
    }
  }

  @ContractTest
  @DisplayName("LE4: closing the leader releases the Lease (empty holder); the next candidate takes it, one transition")
  void le4(Contract c) {
    Candidate a = new Candidate(c, "le4", "cand-a");
    assertThat(a.leads()).isTrue();
    a.closeBetweenRenewals(c, "le4");
    assertThat(lease(c, "le4").text("/spec/holderIdentity")).isEmpty();
    try (Candidate b = new Candidate(c, "le4", "cand-b")) {
      assertThat(b.leads()).as("cand-b leads").isTrue();
      Answer lease = lease(c, "le4");
      assertThat(lease.text("/spec/holderIdentity")).isEqualTo("cand-b");
      assertThat(lease.at("/spec/leaseTransitions").asInt()).isEqualTo(1);
    }
  }

  @ContractTest
  @DisplayName("LE5: when another identity overwrites the Lease, the leader steps down")
  void le5(Contract c) {
    try (Candidate b = new Candidate(c, "le5", "cand-b")) {
      assertThat(b.leads()).isTrue();
      Answer put = null;
      for (int attempt = 0; attempt < 5 && (put == null || put.code() == 409); attempt++) {
        ObjectNode lease = (ObjectNode) lease(c, "le5").json();
        String now =
            ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"));
        lease.withObjectProperty("spec").put("holderIdentity", "intruder").put("leaseDurationSeconds", 60).put("acquireTime", now).put("renewTime", now);
        put = c.put(Resource.LEASES, "le5", lease);
      }
      Expect.ok(put, 200, "Lease");
      boolean stepped = Poll.until(WITHIN, b.stoppedLeading::get, Boolean::booleanValue);
      assertThat(stepped).as("cand-b stopped leading").isTrue();
      assertThat(lease(c, "le5").text("/spec/holderIdentity")).isEqualTo("intruder");
    }
  }

  @ContractTest
  @DisplayName("LE6: Lease times are stored as MicroTime (six fractional digits)")
  void le6(Contract c) {
    try (Candidate a = new Candidate(c, "le6", "cand-a")) {
      assertThat(a.leads()).isTrue();
      Answer lease = lease(c, "le6");
      assertThat(lease.text("/spec/acquireTime")).matches(MICROSECONDS);
      assertThat(lease.text("/spec/renewTime")).matches(MICROSECONDS);
    }
  }
}
