package dev.ramp.controller.plan;

/**
 * A change of a rollout's state worth telling people about: a Kubernetes Event now, a Slack message
 * later. The reason is a stable CamelCase word (StepCompleted, RolloutPaused, RolloutAborted,
 * RolloutCompleted, AnalysisRunFailed, ProgressDeadlineExceeded, InvalidSpec...).
 *
 * @param warning a Warning event (something went wrong) rather than a Normal one
 * @param reason the machine-readable reason
 * @param message the sentence a person reads ("Step 2/6 completed: canary weight 20%")
 */
public record Transition(boolean warning, String reason, String message) {

  public static Transition normal(String reason, String message) {
    return new Transition(false, reason, message);
  }

  public static Transition warning(String reason, String message) {
    return new Transition(true, reason, message);
  }
}
