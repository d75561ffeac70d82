package dev.ramp.sandbox.server;

import java.util.Optional;

/** A DELETE's options: propagation policy, preconditions, dry run. */
public record DeleteOptions(Optional<Propagation> propagation, Optional<String> uid, Optional<String> resourceVersion,
    boolean dryRun) {
  public enum Propagation {
    ORPHAN("Orphan"), BACKGROUND("Background"), FOREGROUND("Foreground");

    private final String wire;

    Propagation(String wire) {
      this.wire = wire;
    }

    public static Optional<Propagation> parse(String text) {
      for (Propagation propagation : values()) {
        if (propagation.wire.equals(text)) {
          return Optional.of(propagation);
        }
      }
      return Optional.empty();
    }
  }

  public static final DeleteOptions DEFAULT = new DeleteOptions(Optional.empty(), Optional.empty(), Optional.empty(), false);

  public static DeleteOptions background() {
    return new DeleteOptions(Optional.of(Propagation.BACKGROUND), Optional.empty(), Optional.empty(), false);
  }

}
