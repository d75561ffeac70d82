package dev.ramp.controller.leader;

/** Leadership states for tests that do not campaign. */
public final class Leaders {
  private Leaders() {}

  public static Leadership leading() {
    Leadership leadership = new Leadership();
    leadership.set(true);
    return leadership;
  }

  public static Leadership standby() {
    return new Leadership();
  }
}
