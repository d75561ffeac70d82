package dev.ramp.controller.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.controller.kube.ObjectKey;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnWritesTest {
  private static final ObjectKey KEY = new ObjectKey("team", "run");
  private Instant now = Instant.parse("2025-01-01T12:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final OwnWrites writes = new OwnWrites(clock);

  private static AnalysisRun at(String resourceVersion) {
    return new AnalysisRun(new V1ObjectMeta().namespace("team").name("run").resourceVersion(resourceVersion),
        AnalysisRunSpec.of(List.of(), List.of()));
  }

  @Test
  void theVersionAWriteReplacedIsBehindUntilTheCacheMoves() {
    writes.wrote(KEY, "10");

    assertThat(writes.cacheBehind(KEY, at("10"))).isTrue();
    assertThat(writes.cacheBehind(KEY, at("11"))).isFalse();
    assertThat(writes.size()).as("forgotten once the cache moved").isZero();
    assertThat(writes.cacheBehind(KEY, at("10"))).isFalse();
  }

  @Test
  void aWriteWhoseEventNeverComesLapses() {
    writes.wrote(KEY, "10");
    now = now.plus(OwnWrites.LAPSE);

    assertThat(writes.cacheBehind(KEY, at("10"))).isFalse();
    assertThat(writes.size()).isZero();
  }
}
