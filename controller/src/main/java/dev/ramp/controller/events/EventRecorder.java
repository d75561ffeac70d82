package dev.ramp.controller.events;

import dev.ramp.api.RampApi;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.kube.Hostname;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.RampMetadata;
import dev.ramp.controller.plan.Transition;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces a Rollout's transitions as core/v1 Events on the Rollout ({@code kubectl describe rollout}
 * shows them). An Event that cannot be written is logged and dropped: it never holds a rollout back.
 */
@Singleton
public class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int MAX_MESSAGE = 1024;

  private final CoreV1Api api;
  private final Clock clock;
  private final String instance;

  public EventRecorder(@Named(KubeClients.API) ApiClient client, Clock clock) {
    this.api = new CoreV1Api(client);
    this.clock = clock;
    this.instance = Hostname.get();
  }

  /** Writes one Event per transition, in order. */
  public void emit(Rollout rollout, List<Transition> transitions) {
    for (Transition transition : transitions) {
      CoreV1Event event = event(rollout, transition);
      try {
        api.createNamespacedEvent(rollout.getMetadata().getNamespace(), event).execute();
      } catch (ApiException e) {
        LOG.warn("Could not record Event {} on Rollout {}/{} (HTTP {}): {}", transition.reason(),
            rollout.getMetadata().getNamespace(), rollout.getMetadata().getName(), e.getCode(), transition.message());
      } catch (RuntimeException e) {
        LOG.warn("Could not record Event {} on Rollout {}/{} ({}): {}", transition.reason(),
            rollout.getMetadata().getNamespace(), rollout.getMetadata().getName(), e, transition.message());
      }
    }
  }

  /** The Event for a transition of this Rollout. */
  public CoreV1Event event(Rollout rollout, Transition transition) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    String message = transition.message().length() > MAX_MESSAGE
        ? transition.message().substring(0, MAX_MESSAGE - 3) + "..." : transition.message();
    return new CoreV1Event()
        .metadata(new V1ObjectMeta()
            .generateName(rollout.getMetadata().getName() + ".")
            .namespace(rollout.getMetadata().getNamespace()))
        .involvedObject(new V1ObjectReference()
            .apiVersion(RampApi.API_VERSION)
            .kind(RampApi.ROLLOUT)
            .namespace(rollout.getMetadata().getNamespace())
            .name(rollout.getMetadata().getName())
            .uid(rollout.getMetadata().getUid())
            .resourceVersion(rollout.getMetadata().getResourceVersion()))
        .reason(transition.reason())
        .message(message)
        .type(transition.warning() ? "Warning" : "Normal")
        .firstTimestamp(now)
        .lastTimestamp(now)
        .count(1)
        .source(new V1EventSource().component(RampMetadata.COMPONENT))
        .reportingComponent(RampMetadata.COMPONENT)
        .reportingInstance(instance);
  }
}
