package dev.ramp.controller.rollout;

/** What an unfinished update waits for; only waiting for pods counts against the progress deadline. */
enum Wait {
  NOTHING,
  PODS,
  ANALYSIS,
  PAUSE
}
