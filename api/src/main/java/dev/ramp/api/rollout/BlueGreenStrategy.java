package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import io.kubernetes.client.custom.IntOrString;
import java.util.Optional;

/**
 * The blue-green strategy: the new revision runs beside the active one behind {@code
 * previewService}, then takes all traffic at once when {@code activeService} is switched.
 *
 * @param autoPromotionEnabled promote by itself once ready (default true); false pauses first
 * @param autoPromotionSeconds wait this long after the new revision is ready before promoting (0)
 * @param previewReplicaCount replicas of the new revision before promotion; absent: spec.replicas
 * @param scaleDownDelaySeconds wait after the switch before scaling the old ReplicaSet down (30)
 * @param abortScaleDownDelaySeconds wait after an abort before scaling the new one down (30)
 * @param maxUnavailable pods of the new revision that may be unavailable; absent: 0 (the controller's
 *     default for blue-green, since the old revision serves until the switch)
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record BlueGreenStrategy(
    String activeService,
    Optional<String> previewService,
    Boolean autoPromotionEnabled,
    int autoPromotionSeconds,
    Optional<Integer> previewReplicaCount,
    Optional<RolloutAnalysis> prePromotionAnalysis,
    Optional<RolloutAnalysis> postPromotionAnalysis,
    Integer scaleDownDelaySeconds,
    Integer abortScaleDownDelaySeconds,
    Optional<IntOrString> maxUnavailable) {

  public static final int DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
  public static final int DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;

  public BlueGreenStrategy {
    previewService = Copies.optional(previewService);
    autoPromotionEnabled = autoPromotionEnabled == null ? Boolean.TRUE : autoPromotionEnabled;
    previewReplicaCount = Copies.optional(previewReplicaCount);
    prePromotionAnalysis = Copies.optional(prePromotionAnalysis);
    postPromotionAnalysis = Copies.optional(postPromotionAnalysis);
    scaleDownDelaySeconds = scaleDownDelaySeconds == null ? DEFAULT_SCALE_DOWN_DELAY_SECONDS : scaleDownDelaySeconds;
    abortScaleDownDelaySeconds = abortScaleDownDelaySeconds == null
        ? DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS : abortScaleDownDelaySeconds;
    maxUnavailable = Copies.optional(maxUnavailable);
  }

  /** A blue-green strategy with these Services and every other field at its default. */
  public static BlueGreenStrategy of(String activeService, String previewService) {
    return new BlueGreenStrategy(activeService, Optional.ofNullable(previewService), null, 0, Optional.empty(),
        Optional.empty(), Optional.empty(), null, null, Optional.empty());
  }
}
