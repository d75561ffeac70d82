package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.labelled;
import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Poll;
import dev.ramp.sandbox.contract.harness.Resource;
import dev.ramp.sandbox.contract.harness.WatchStream;
import dev.ramp.sandbox.contract.harness.WatchStream.Event;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;

/** Rows W*: watch from a LIST, resume, 410 Expired, bookmarks, selectors in watches, informers. */
class WatchContractTest {
  private static final Resource R = Resource.ROLLOUTS;
  private static final Duration EVENTS_WITHIN = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofSeconds(1);

  /** The W1 scene: w0 exists, a watch starts from the LIST's resourceVersion, then w1 is created, patched, deleted. */
  private record Scene(String w1, Answer created, Answer patched, List<Event> events, List<Event> later) {}

  private static Scene watchFromList(Contract c, String prefix) {
    c.created(R, rollout(prefix + "-w0"));
    String listVersion = c.list(R).text("/metadata/resourceVersion");
    String w1 = prefix + "-w1";
    try (WatchStream watch = c.watch(R, "resourceVersion", listVersion)) {
      Answer created = c.created(R, rollout(w1));
      Answer patched = c.merge(R, w1, "{'spec':{'canaryWeight':5}}");
      c.delete(R, w1);
      List<Event> events = watch.take(3, EVENTS_WITHIN);
      List<Event> later = watch.take(1, QUIET);
      return new Scene(w1, created, patched, events, later);
    }
  }

  private static List<String> typesAndNames(List<Event> events) {
    return events.stream().map(e -> e.type() + " " + e.name()).toList();
  }

  @ContractTest
  @DisplayName("W1: a watch from the LIST resourceVersion sees ADDED, MODIFIED, DELETED of later writes, at their resourceVersions")
  void w1(Contract c) {
    Scene scene = watchFromList(c, "w1");
    assertThat(typesAndNames(scene.events()))
        .containsExactly("ADDED " + scene.w1(), "MODIFIED " + scene.w1(), "DELETED " + scene.w1());
    assertThat(scene.events().get(0).resourceVersion()).isEqualTo(scene.created().resourceVersion());
    assertThat(scene.events().get(1).resourceVersion()).isEqualTo(scene.patched().resourceVersion());
  }

  @ContractTest
  @DisplayName("W1b: a watch from the LIST resourceVersion does not replay objects that existed before")
  void w1b(Contract c) {
    Scene scene = watchFromList(c, "w1b");
    assertThat(typesAndNames(scene.events())).noneMatch(s -> s.endsWith("-w0"));
    assertThat(scene.later()).isEmpty();
  }

  @ContractTest
  @DisplayName("W1c: the DELETED event carries a new resourceVersion, greater than the last MODIFIED's")
  void w1c(Contract c) {
    Scene scene = watchFromList(c, "w1c");
    assertThat(scene.events()).hasSize(3);
    long modified = Long.parseLong(scene.events().get(1).resourceVersion());
    long deleted = Long.parseLong(scene.events().get(2).resourceVersion());
    assertThat(deleted).isGreaterThan(modified);
  }

  @ContractTest
  @DisplayName("W2: a watch resumed from the MODIFIED event's resourceVersion continues with DELETED")
  void w2(Contract c) {
    Scene scene = watchFromList(c, "w2");
    assertThat(scene.events()).hasSize(3);
    try (WatchStream resumed = c.watch(R, "resourceVersion", scene.events().get(1).resourceVersion())) {
      List<Event> events = resumed.take(1, EVENTS_WITHIN);
      assertThat(typesAndNames(events)).containsExactly("DELETED " + scene.w1());
      assertThat(events.get(0).resourceVersion()).isEqualTo(scene.events().get(2).resourceVersion());
      assertThat(resumed.take(1, QUIET)).isEmpty();
    }
  }

  @ContractTest
  @DisplayName("W3: a watch from a too old resourceVersion gets 200, one ERROR 410 Expired event, and the server ends the stream")
  void w3(Contract c) {
    c.created(R, rollout("w3"));
    try (WatchStream watch = c.watch(R, "resourceVersion", "1")) {
      assertThat(watch.httpCode()).isEqualTo(200);
      List<Event> events = watch.untilEnd(Duration.ofSeconds(15));
      assertThat(events).as("%s", watch).hasSize(1);
      Event error = events.get(0);
      assertThat(error.type()).isEqualTo("ERROR");
      assertThat(error.object().path("kind").asText()).isEqualTo("Status");
      assertThat(error.object().path("code").asInt()).isEqualTo(410);
      assertThat(error.object().path("reason").asText()).isEqualTo("Expired");
      assertThat(error.object().path("message").asText()).matches("too old resource version: 1 \\(\\d+\\)");
      assertThat(watch.endedByServer()).as("stream closed by the server: %s", watch).isTrue();
    }
  }

  @ContractTest
  @DisplayName("W4: a watch without resourceVersion starts with ADDED for the objects that exist")
  void w4(Contract c) {
    c.created(R, labelled(rollout("w4-a"), "contract.ramp.dev/watch", "w4"));
    try (WatchStream watch = c.watch(R, "labelSelector", "contract.ramp.dev/watch=w4")) {
      assertThat(typesAndNames(watch.take(1, EVENTS_WITHIN))).containsExactly("ADDED w4-a");
    }
  }

  @ContractTest
  @DisplayName("W5: a selective watch with bookmarks and no writes at all: no events, the server ends it at timeoutSeconds")
  void w5(Contract c) {
    c.created(R, labelled(rollout("w5"), "contract.ramp.dev/watch", "w5"));
    String listVersion = c.list(R, "labelSelector", "contract.ramp.dev/watch=w5").text("/metadata/resourceVersion");
    try (WatchStream watch =
        c.watch(
            R,
            "labelSelector", "contract.ramp.dev/watch=w5",
            "resourceVersion", listVersion,
            "allowWatchBookmarks", "true",
            "timeoutSeconds", "6")) {
      List<Event> events = watch.untilEnd(Duration.ofSeconds(20));
      assertThat(events).as("%s", watch).isEmpty();
      assertThat(watch.endedByServer()).as("stream closed by the server: %s", watch).isTrue();
    }
  }

  @ContractTest
  @DisplayName("W5b: the same watch while a non-matching object changes: a BOOKMARK at that resourceVersion, nothing else")
  void w5b(Contract c) {
    c.created(R, labelled(rollout("w5b"), "contract.ramp.dev/watch", "w5b"));
    c.created(R, rollout("w5b-other"));
    String listVersion = c.list(R, "labelSelector", "contract.ramp.dev/watch=w5b").text("/metadata/resourceVersion");
    try (WatchStream watch =
        c.watch(
            R,
            "labelSelector", "contract.ramp.dev/watch=w5b",
            "resourceVersion", listVersion,
            "allowWatchBookmarks", "true",
            "timeoutSeconds", "6")) {
      Answer other = c.merge(R, "w5b-other", "{'spec':{'canaryWeight':9}}");
      List<Event> events = watch.untilEnd(Duration.ofSeconds(20));
      assertThat(events).as("%s", watch).isNotEmpty().allSatisfy(e -> assertThat(e.type()).isEqualTo("BOOKMARK"));
      Event last = events.get(events.size() - 1);
      assertThat(last.resourceVersion()).isEqualTo(other.resourceVersion());
      assertThat(last.object().path("kind").asText()).isEqualTo("Rollout");
      assertThat(watch.endedByServer()).as("stream closed by the server: %s", watch).isTrue();
    }
  }

  @ContractTest
  @DisplayName("W6: a label-selected watch sees an object leave (DELETED) and come back (ADDED) as its labels change")
  void w6(Contract c) {
    String selector = "contract.ramp.dev/sel=web";
    String listVersion = c.list(R, "labelSelector", selector).text("/metadata/resourceVersion");
    try (WatchStream watch = c.watch(R, "labelSelector", selector, "resourceVersion", listVersion)) {
      c.created(R, labelled(rollout("lw1"), "contract.ramp.dev/sel", "web"));
      c.merge(R, "lw1", "{'metadata':{'labels':{'contract.ramp.dev/sel':'api'}}}");
      c.merge(R, "lw1", "{'spec':{'canaryWeight':4}}");
      c.merge(R, "lw1", "{'metadata':{'labels':{'contract.ramp.dev/sel':'web'}}}");
      assertThat(typesAndNames(watch.take(3, EVENTS_WITHIN))).containsExactly("ADDED lw1", "DELETED lw1", "ADDED lw1");
      assertThat(watch.take(1, QUIET)).isEmpty();
    }
  }

  @ContractTest
  @DisplayName("W7: a watch with a set-based selector 'in (a,b)' sees only the matching objects")
  void w7(Contract c) {
    for (String hash : List.of("a", "b", "c")) {
      c.created(R, labelled(rollout("lw-" + hash), "contract.ramp.dev/hash", hash));
    }
    try (WatchStream watch = c.watch(R, "labelSelector", "contract.ramp.dev/hash in (a,b)")) {
      assertThat(typesAndNames(watch.take(2, EVENTS_WITHIN))).containsExactlyInAnyOrder("ADDED lw-a", "ADDED lw-b");
      assertThat(watch.take(1, QUIET)).isEmpty();
    }
  }

  /** Counts an informer's callbacks per object: adds, updates with the same and with a new resourceVersion. */
  private static final class Counting implements ResourceEventHandler<DynamicKubernetesObject> {
    final AtomicInteger adds = new AtomicInteger();
    final Map<String, AtomicInteger> sameVersionUpdates = new ConcurrentHashMap<>();
    final AtomicInteger newVersionUpdates = new AtomicInteger();

    @Override
    public void onAdd(DynamicKubernetesObject object) {
      adds.incrementAndGet();
    }

    @Override
    public void onUpdate(DynamicKubernetesObject before, DynamicKubernetesObject after) {
      if (before.getMetadata().getResourceVersion().equals(after.getMetadata().getResourceVersion())) {
        sameVersionUpdates.computeIfAbsent(after.getMetadata().getName(), k -> new AtomicInteger()).incrementAndGet();
      } else {
        newVersionUpdates.incrementAndGet();
      }
    }

    @Override
    public void onDelete(DynamicKubernetesObject object, boolean finalStateUnknown) {}

    int minSameVersionUpdates(int objects) {
      if (sameVersionUpdates.size() < objects) {
        return 0;
      }
      return sameVersionUpdates.values().stream().mapToInt(AtomicInteger::get).min().orElse(0);
    }
  }

  /** Nine Rollouts in a namespace of their own and an informer over it with the given resync period. */
  private static void withInformer(Contract c, long resyncMillis, Counting counting, Runnable check) {
    String namespace = c.newNamespace("informer");
    for (int i = 0; i < 9; i++) {
      c.wire().post(R.collection(namespace), rollout("inf-" + i));
    }
    SharedInformerFactory factory = new SharedInformerFactory(c.watchApi());
    DynamicKubernetesApi api = new DynamicKubernetesApi(R.group(), R.version(), R.plural(), c.watchApi());
    SharedIndexInformer<DynamicKubernetesObject> informer =
        factory.sharedIndexInformerFor(api, DynamicKubernetesObject.class, resyncMillis, namespace);
    informer.addEventHandler(counting);
    factory.startAllRegisteredInformers();
    try {
      check.run();
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }

  @ContractTest
  @DisplayName("W8: an informer (resync 0) over 9 objects reports 9 adds and no updates while nothing is written")
  void w8(Contract c) {
    Counting counting = new Counting();
    withInformer(c, 0, counting, () -> {
      int adds = Poll.until(EVENTS_WITHIN, counting.adds::get, n -> n >= 9);
      assertThat(adds).isEqualTo(9);
      Poll.throughout(Duration.ofSeconds(2), () -> counting.adds.get() + counting.sameVersionUpdates.size(), n -> n == 9);
      assertThat(counting.adds.get()).isEqualTo(9);
      assertThat(counting.sameVersionUpdates).isEmpty();
      assertThat(counting.newVersionUpdates.get()).isZero();
    });
  }

  @ContractTest
  @DisplayName("W9: an informer with resyncPeriod 1s re-delivers every object as an update with the same resourceVersion")
  void w9(Contract c) {
    Counting counting = new Counting();
    withInformer(c, 1000, counting, () -> {
      int least = Poll.until(Duration.ofSeconds(15), () -> counting.minSameVersionUpdates(9), n -> n >= 2);
      assertThat(least).as("resync updates of the least resynced object: %s", counting.sameVersionUpdates).isGreaterThanOrEqualTo(2);
      assertThat(counting.adds.get()).isEqualTo(9);
      assertThat(counting.newVersionUpdates.get()).isZero();
    });
  }
}
