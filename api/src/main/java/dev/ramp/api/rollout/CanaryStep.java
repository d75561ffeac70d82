package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a canary; exactly one field is set (the CRD enforces it). {@link #action()} gives
 * that one as a {@link CanaryStepAction}.
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record CanaryStep(
    Optional<Integer> setWeight,
    Optional<Pause> pause,
    Optional<SetCanaryScale> setCanaryScale,
    Optional<RolloutAnalysis> analysis) {

  public CanaryStep {
    setWeight = Copies.optional(setWeight);
    pause = Copies.optional(pause);
    setCanaryScale = Copies.optional(setCanaryScale);
    analysis = Copies.optional(analysis);
  }

  public static CanaryStep ofSetWeight(int weight) {
    return new CanaryStep(Optional.of(weight), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static CanaryStep ofPause(Pause pause) {
    return new CanaryStep(Optional.empty(), Optional.of(pause), Optional.empty(), Optional.empty());
  }

  public static CanaryStep ofSetCanaryScale(SetCanaryScale scale) {
    return new CanaryStep(Optional.empty(), Optional.empty(), Optional.of(scale), Optional.empty());
  }

  public static CanaryStep ofAnalysis(RolloutAnalysis analysis) {
    return new CanaryStep(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(analysis));
  }

  /**
   * What the step does.
   *
   * @throws IllegalStateException when the step sets none or several actions (an object that did
   *     not pass the CRD's validation)
   */
  public CanaryStepAction action() {
    List<CanaryStepAction> actions = new ArrayList<>(1);
    setWeight.ifPresent(w -> actions.add(new SetWeight(w)));
    pause.ifPresent(actions::add);
    setCanaryScale.ifPresent(actions::add);
    analysis.ifPresent(actions::add);
    if (actions.size() != 1) {
      throw new IllegalStateException("a canary step must set exactly one of setWeight, pause, setCanaryScale or "
          + "analysis, this one sets " + actions.size());
    }
    return actions.get(0);
  }
}
