package dev.ramp.api.json;

/**
 * A value that is written as if absent when it is empty, as Kubernetes' {@code omitempty} does for
 * a Go struct: an empty {@code status} stays out of a manifest instead of appearing as {@code {}}.
 */
public interface OmittedWhenEmpty {
  boolean isEmpty();
}
