package dev.ramp.sandbox.server;

import dev.ramp.sandbox.selector.FieldSelector;
import dev.ramp.sandbox.selector.LabelSelector;

/** A LIST's options: selectors and pagination. */
public record ListOptions(LabelSelector labels, FieldSelector fields, long limit, String continueToken) {
  public static final ListOptions ALL = new ListOptions(LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, 0, "");
}
