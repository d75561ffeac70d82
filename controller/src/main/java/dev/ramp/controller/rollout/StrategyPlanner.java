package dev.ramp.controller.rollout;

/** Plans one reconcile of one strategy (canary or blue-green): the actions and the status they lead to. */
interface StrategyPlanner {
  Draft plan(Context ctx);
}
