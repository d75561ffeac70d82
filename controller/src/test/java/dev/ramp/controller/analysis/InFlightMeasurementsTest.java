package dev.ramp.controller.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.analysis.engine.RunUpdate;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.analysis.AnalysisRunStatus;
import dev.ramp.controller.kube.ObjectKey;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class InFlightMeasurementsTest {
  private static final ObjectKey KEY = new ObjectKey("team", "run");
  private static final AnalysisRun RUN = new AnalysisRun(new V1ObjectMeta().namespace("team").name("run")
      .resourceVersion("7"), AnalysisRunSpec.of(List.of(), List.of()));
  private static final RunUpdate UPDATE = new RunUpdate(AnalysisRunStatus.EMPTY, List.of("m"), Optional.empty());

  private final InFlightMeasurements inFlight = new InFlightMeasurements();
  private final AtomicInteger queued = new AtomicInteger();

  @Test
  void anUpdateReadyAtOnceIsReturnedWithoutQueueingTheRunAgain() {
    Optional<RunUpdate> ready = inFlight.start(KEY, RUN, Mono.just(UPDATE), Duration.ofSeconds(5),
        queued::incrementAndGet);

    assertThat(ready).contains(UPDATE);
    assertThat(queued).hasValue(0);
    assertThat(inFlight.size()).isZero();
  }

  @Test
  void aRunHasOneMeasurementInFlightAndItsEndQueuesTheRunAgain() {
    Sinks.One<RunUpdate> answer = Sinks.one();
    AtomicInteger subscriptions = new AtomicInteger();
    Mono<RunUpdate> measuring = answer.asMono().doOnSubscribe(s -> subscriptions.incrementAndGet());

    assertThat(inFlight.start(KEY, RUN, measuring, Duration.ofSeconds(5), queued::incrementAndGet)).isEmpty();
    assertThat(inFlight.running(KEY)).isTrue();
    assertThat(inFlight.start(KEY, RUN, measuring, Duration.ofSeconds(5), queued::incrementAndGet))
        .as("a second start while one is under way").isEmpty();
    assertThat(subscriptions).hasValue(1);

    answer.tryEmitValue(UPDATE);

    assertThat(queued).hasValue(1);
    assertThat(inFlight.running(KEY)).isFalse();
    assertThat(inFlight.start(KEY, RUN, Mono.just(UPDATE), Duration.ofSeconds(5), queued::incrementAndGet))
        .as("nothing starts while a result waits to be written").isEmpty();
    Optional<InFlightMeasurements.Done> done = inFlight.takeDone(KEY);
    assertThat(done).hasValueSatisfying(d -> {
      assertThat(d.update()).isEqualTo(UPDATE);
      assertThat(d.base()).isSameAs(RUN);
    });
    assertThat(inFlight.takeDone(KEY)).isEmpty();
  }

  @Test
  void cancellingStopsTheQueriesAndForgetsTheResult() {
    AtomicInteger cancelled = new AtomicInteger();
    Mono<RunUpdate> never = Mono.<RunUpdate>never().doOnCancel(cancelled::incrementAndGet);
    inFlight.start(KEY, RUN, never, Duration.ofSeconds(5), queued::incrementAndGet);

    inFlight.cancel(KEY);

    assertThat(cancelled).hasValue(1);
    assertThat(inFlight.running(KEY)).isFalse();
    assertThat(queued).hasValue(0);
  }

  @Test
  void aMeasurementPastItsDeadlineIsGivenUpAndTheRunQueuedAgain() throws InterruptedException {
    CountDownLatch requeued = new CountDownLatch(1);
    inFlight.start(KEY, RUN, Mono.never(), Duration.ofMillis(20), requeued::countDown);

    assertThat(requeued.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(inFlight.size()).isZero();
  }
}
