package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.OmittedWhenEmpty;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/**
 * State of a blue-green update.
 *
 * @param activeSelector pod-template hash the active Service selects
 * @param previewSelector pod-template hash the preview Service selects
 * @param scaleUpPreviewCheckPoint the preview was promoted and may be scaled to full size
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record BlueGreenStatus(
    Optional<String> activeSelector,
    Optional<String> previewSelector,
    boolean scaleUpPreviewCheckPoint,
    Optional<RolloutAnalysisRunStatus> prePromotionAnalysisRunStatus,
    Optional<RolloutAnalysisRunStatus> postPromotionAnalysisRunStatus) implements OmittedWhenEmpty {

  public static final BlueGreenStatus EMPTY = new BlueGreenStatus(null, null, false, null, null);

  public BlueGreenStatus {
    activeSelector = Copies.optional(activeSelector);
    previewSelector = Copies.optional(previewSelector);
    prePromotionAnalysisRunStatus = Copies.optional(prePromotionAnalysisRunStatus);
    postPromotionAnalysisRunStatus = Copies.optional(postPromotionAnalysisRunStatus);
  }

  @Override
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  public BlueGreenStatus withActiveSelector(String hash) {
    return new BlueGreenStatus(Optional.ofNullable(hash), previewSelector, scaleUpPreviewCheckPoint,
        prePromotionAnalysisRunStatus, postPromotionAnalysisRunStatus);
  }

  public BlueGreenStatus withPreviewSelector(String hash) {
    return new BlueGreenStatus(activeSelector, Optional.ofNullable(hash), scaleUpPreviewCheckPoint,
        prePromotionAnalysisRunStatus, postPromotionAnalysisRunStatus);
  }

  public BlueGreenStatus withScaleUpPreviewCheckPoint(boolean checkPoint) {
    return new BlueGreenStatus(activeSelector, previewSelector, checkPoint, prePromotionAnalysisRunStatus,
        postPromotionAnalysisRunStatus);
  }

  public BlueGreenStatus withPrePromotionAnalysisRunStatus(RolloutAnalysisRunStatus run) {
    return new BlueGreenStatus(activeSelector, previewSelector, scaleUpPreviewCheckPoint, Optional.ofNullable(run),
        postPromotionAnalysisRunStatus);
  }

  public BlueGreenStatus withPostPromotionAnalysisRunStatus(RolloutAnalysisRunStatus run) {
    return new BlueGreenStatus(activeSelector, previewSelector, scaleUpPreviewCheckPoint,
        prePromotionAnalysisRunStatus, Optional.ofNullable(run));
  }
}
