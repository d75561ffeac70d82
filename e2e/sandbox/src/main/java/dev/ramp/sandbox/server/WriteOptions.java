package dev.ramp.sandbox.server;

/** Query options of a create, update or patch. */
public record WriteOptions(boolean dryRun, FieldValidation fieldValidation, String fieldManager, boolean force) {
  /** {@code ?fieldValidation=}: what unknown (pruned) fields of a custom resource do. */
  public enum FieldValidation {
    IGNORE, WARN, STRICT
  }

  public static final WriteOptions DEFAULT = new WriteOptions(false, FieldValidation.WARN, "", false);
}
